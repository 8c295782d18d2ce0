package dev.realtime.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
/** One event waiting to be relayed to Kafka. {@code seq} is the commit-independent relay order. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String channels;

    @Column(nullable = false)
    public String payload;

    /** The channel this event revokes (header {@code rt-revoke}), or null. */
    @Column(name = "revoke_channel")
    public String revokeChannel;

    /** The subjects that lose {@link #revokeChannel} (header {@code rt-revoke-subjects}); null for all. */
    @Column(name = "revoke_subjects")
    public String revokeSubjects;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
