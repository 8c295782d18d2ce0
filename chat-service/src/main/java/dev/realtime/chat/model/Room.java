package dev.realtime.chat.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A chat room; who may read and write in it is decided by its {@link RoomMember} rows. */
@Entity
@Table(name = "room")
public class Room {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoomKind kind = RoomKind.GROUP;

    /** The JWT subject of the user who created it. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether any user may join it; members of a closed room are added by its owner or an admin. */
    @Column(nullable = false)
    public boolean open;

    /** Whether members see the messages from before they joined; if not, their history starts at their join. */
    @Column(name = "full_history", nullable = false)
    public boolean fullHistory;

    /** The seq of the room's last message, 0 before the first; raised only under the room's row lock. */
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
}
