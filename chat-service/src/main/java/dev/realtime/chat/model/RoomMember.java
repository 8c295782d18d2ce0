package dev.realtime.chat.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user's membership of a room; members may subscribe to {@code room:{id}}. */
@Entity
@Table(name = "room_member")
@IdClass(RoomMember.Key.class)
public class RoomMember {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** The first seq the member may read: 1, or the room's next seq when they joined if it hides earlier history. */
    @Column(name = "first_seq", nullable = false)
    public long firstSeq = 1;

    /** The member's read receipt: every message up to this seq is read; 0 for none. */
    @Column(name = "last_read_seq", nullable = false)
    public long lastReadSeq;

    /** Until when the member's sends are refused; null when not muted. */
    @Column(name = "muted_until")
    public Instant mutedUntil;

    public boolean mutedAt(Instant now) {
        return mutedUntil != null && mutedUntil.isAfter(now);
    }

    public enum Role {
        OWNER,
        MEMBER
    }

    /** Composite key of a membership. */
    public record Key(UUID roomId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
