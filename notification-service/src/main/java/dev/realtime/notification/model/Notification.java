package dev.realtime.notification.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One notification for one user; unread while {@code readAt} is null. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    /** The JWT subject of the recipient. */
    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String title;

    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
