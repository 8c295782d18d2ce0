package dev.realtime.gateway.command;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.kafka.GatewayProducer;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.event.Topics;

/**
 * {@code send}: a chat message, produced as a {@code chat.send-message} command to {@code chat.commands} for
 * chat-service, which checks membership, stores it and publishes {@code message.posted} to the room (or
 * {@code message.rejected} to the sender). The sender is the token's subject, stamped here; a {@code sender} in
 * the frame is ignored. Acked with {@code sent} once Kafka has the command.
 * <p>
 * The command id is derived from sender, room and client message id, so a client that re-sends after a lost ack
 * produces the same command, and chat-service's inbox stores it once.
 */
@ApplicationScoped
public class SendCommand implements Command {

    private static final Logger LOG = Logger.getLogger(SendCommand.class);
    public static final String COMMAND_TYPE = "chat.send-message";
    /** Longest message body taken; chat-service applies its own, possibly shorter, limit. */
    static final int MAX_BODY = 8000;
    static final int MAX_ID = 64;

    private final GatewayProducer producer;
    private final ObjectMapper mapper;
    private final Replies replies;

    @Inject
    public SendCommand(GatewayProducer producer, ObjectMapper mapper, Replies replies) {
        this.producer = producer;
        this.mapper = mapper;
        this.replies = replies;
    }

    @Override
    public String type() {
        return "send";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        String room = frame.requiredString("room", MAX_ID);
        String clientMessageId = frame.requiredString("clientMessageId", MAX_ID);
        String body = frame.requiredString("body", MAX_BODY);
        if (hasControlCharacter(body) || hasControlCharacter(clientMessageId) || hasControlCharacter(room)) {
            // chat-service refuses them (and PostgreSQL text cannot hold a NUL): say so now, not never
            throw ClientFrame.bad("\"room\", \"clientMessageId\" and \"body\" may not hold control characters"
                    + " other than tab and line breaks");
        }
        JsonNode id = frame.id();
        String commandId = commandId(session.subject(), room, clientMessageId);
        byte[] value = envelope(commandId, room, session.subject(), clientMessageId, body);
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, COMMAND_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, commandId.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(Topics.CHAT_COMMANDS, null, room, value, headers))
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        replies.send(session, FrameType.SENT, replies.frames().sent(id, room, clientMessageId));
                    } else {
                        LOG.warnf("Chat command for room %s not produced: %s", room, failure.toString());
                        replies.error(session, id, ErrorCode.UNAVAILABLE, "the message could not be handed on; send it again");
                    }
                });
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The same id for the same sender, room and client message id. */
    public static String commandId(String sender, String room, String clientMessageId) {
        return UUID.nameUUIDFromBytes((sender + "\n" + room + "\n" + clientMessageId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private byte[] envelope(String commandId, String room, String sender, String clientMessageId, String body) {
        ObjectNode envelope = mapper.createObjectNode()
                .put("id", commandId)
                .put("type", COMMAND_TYPE)
                .put("source", "gateway")
                .put("time", Instant.now().toString())
                .put("subject", room);
        envelope.putObject("data")
                .put("roomId", room)
                .put("senderId", sender)
                .put("clientMessageId", clientMessageId)
                .put("body", body);
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a chat command", e);
        }
    }
}
