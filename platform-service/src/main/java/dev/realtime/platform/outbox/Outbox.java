package dev.realtime.platform.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;

/**
 * Records a domain event in the caller's transaction. The event reaches Kafka only if that transaction
 * commits, and then reaches it even if the broker is down at the time: the relay retries until acknowledged.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;

    @Inject
    public Outbox(ObjectMapper mapper, Event<OutboxWritten> written) {
        this.mapper = mapper;
        this.written = written;
    }

    /**
     * Adds an event to the outbox.
     *
     * @param topic    the domain topic, for example {@code booking.events}
     * @param event    the envelope; its {@code subject} becomes the record key
     * @param channels where the gateway delivers it; at least one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope event, Collection<String> channels) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.recordKey = event.subject();
        row.eventType = event.type();
        row.channels = Channels.join(channels);
        row.payload = serialise(event);
        row.createdAt = Instant.now();
        row.persist();
        written.fire(OutboxWritten.INSTANCE);
    }

    private String serialise(EventEnvelope event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.type() + " cannot be serialised", e);
        }
    }
}
