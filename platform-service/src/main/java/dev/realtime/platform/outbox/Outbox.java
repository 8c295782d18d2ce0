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
import dev.realtime.platform.event.Revocation;

/**
 * Records a domain event in the caller's transaction. The event reaches Kafka only if that transaction
 * commits, and then reaches it even if the broker is down at the time: the relay retries until acknowledged.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxRepository repository;
    private final Event<OutboxWritten> written;

    @Inject
    public Outbox(ObjectMapper mapper, OutboxRepository repository, Event<OutboxWritten> written) {
        this.mapper = mapper;
        this.repository = repository;
        this.written = written;
    }

    /**
     * Adds an event to the outbox.
     * <p>
     * Before the row is written, the transaction takes the aggregate's advisory lock (topic and subject) and holds
     * it until it ends. So of two transactions publishing for one aggregate, the second waits for the first to
     * commit or roll back, and the outbox order of an aggregate's events is its commit order, whether or not the
     * caller locked the aggregate's row. A transaction that publishes for several aggregates holds several locks;
     * PostgreSQL detects a deadlock between two such transactions and rolls one back.
     *
     * @param topic    the domain topic, for example {@code booking.events}
     * @param event    the envelope; its {@code subject} becomes the record key
     * @param channels where the gateway delivers it; at least one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope event, Collection<String> channels) {
        publish(topic, event, channels, null);
    }

    /**
     * Adds an event that also ends access to a channel: the record carries the revocation headers, so every
     * gateway replica drops those subscriptions when it reaches this event, in the aggregate's event order.
     *
     * @param revocation what access ends, or null for none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope event, Collection<String> channels, Revocation revocation) {
        repository.lockAggregate(topic, event.subject());
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.recordKey = event.subject();
        row.eventType = event.type();
        row.channels = Channels.join(channels);
        row.payload = serialise(event);
        if (revocation != null) {
            row.revokeChannel = revocation.channel();
            row.revokeSubjects = revocation.subjectsHeader();
        }
        row.createdAt = Instant.now();
        repository.persist(row);
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
