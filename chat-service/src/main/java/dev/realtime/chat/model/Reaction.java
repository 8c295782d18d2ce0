package dev.realtime.chat.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user's reaction to a message with one emoji; at most one per (message, user, emoji). */
@Entity
@Table(name = "message_reaction")
@IdClass(Reaction.Key.class)
public class Reaction {

    /** The longest emoji, in UTF-16 code units (a flag or a family sequence fits). */
    public static final int MAX_EMOJI_LENGTH = 32;

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public String emoji;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Composite key of a reaction. */
    public record Key(UUID messageId, String userId, String emoji) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
