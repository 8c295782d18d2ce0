package dev.realtime.chat.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message in a room, at its place in the room's sequence. Its text is stored exactly as sent. */
@Entity
@Table(name = "message")
public class Message {

    /** The longest body, in UTF-16 code units (JavaScript's {@code length}). */
    public static final int MAX_BODY_LENGTH = 4000;
    /** What a client message id may be: 1 to 100 visible ASCII characters (a UUID is the usual choice). */
    public static final String CLIENT_MESSAGE_ID_PATTERN = "^[\\x21-\\x7E]{1,100}$";

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    /** Its place in the room: 1 for the first message, each next one 1 more. */
    @Column(nullable = false)
    public long seq;

    /** The JWT subject of the sender. */
    @Column(name = "sender_id", nullable = false)
    public String senderId;

    /** The sender's own id of the message, by which a resend is recognised. */
    @Column(name = "client_message_id", nullable = false)
    public String clientMessageId;

    @Column(nullable = false)
    public String body;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    /** When its sender last changed its body; null if never. */
    @Column(name = "edited_at")
    public Instant editedAt;

    /** When it was deleted; its body is then empty and it stays in the sequence as a tombstone. */
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
