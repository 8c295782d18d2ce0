package dev.realtime.platform.inbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An event one consumer of this service has processed; its presence makes a redelivery a no-op. */
@Entity
@Table(name = "inbox_event")
@IdClass(InboxEvent.Key.class)
public class InboxEvent {

    @Id
    @Column(nullable = false)
    public String consumer;

    @Id
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /** The primary key: one consumer, one event id. */
    public static class Key implements Serializable {

        public String consumer;
        public String eventId;

        public Key() {
        }

        public Key(String consumer, String eventId) {
            this.consumer = consumer;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && consumer.equals(key.consumer) && eventId.equals(key.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }
}
