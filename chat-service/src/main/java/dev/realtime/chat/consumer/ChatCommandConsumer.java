package dev.realtime.chat.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.chat.event.SendMessageCommand;
import dev.realtime.chat.service.MessageService;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.inbox.Inbox;
import dev.realtime.platform.inbox.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code chat.commands}, which the gateway produces, one record per {@code send} frame. The inbox applies
 * each command once: a redelivered record, or a frame sent again (the gateway derives the envelope id from sender,
 * room and client message id), changes nothing.
 */
@ApplicationScoped
public class ChatCommandConsumer {

    public static final String CHANNEL = "chat-commands";

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final MessageService messages;

    @Inject
    public ChatCommandConsumer(Inbox inbox, ObjectMapper mapper, MessageService messages) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.messages = messages;
    }

    @Incoming(CHANNEL)
    @Blocking
    void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CHANNEL, record, this::apply);
    }

    private void apply(EventEnvelope command) {
        if (!SendMessageCommand.TYPE.equals(command.type())) {
            throw new PoisonRecordException("unknown command type " + command.type());
        }
        SendMessageCommand send = read(command);
        if (send.senderId() == null || send.senderId().isBlank()) {
            // nobody to answer: the gateway always stamps the sender, so this record is not one of its commands
            throw new PoisonRecordException("command " + command.id() + " has no senderId");
        }
        messages.apply(command.subject(), send);
    }

    private SendMessageCommand read(EventEnvelope command) {
        try {
            return mapper.convertValue(command.data(), SendMessageCommand.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("command " + command.id() + " has no readable data: " + e.getMessage(), e);
        }
    }
}
