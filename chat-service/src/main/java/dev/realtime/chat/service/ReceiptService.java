package dev.realtime.chat.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.realtime.chat.event.ChatEvents;
import dev.realtime.chat.model.Room;
import dev.realtime.chat.model.RoomMember;
import dev.realtime.chat.repository.MessageRepository;
import dev.realtime.chat.repository.RoomMemberRepository;
import dev.realtime.chat.repository.RoomRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;

/**
 * Read receipts: each member's last-read seq, which only moves forward, and their unread count, the messages
 * after it that others sent (one's own messages are never unread).
 */
@ApplicationScoped
public class ReceiptService {

    private final RoomRepository rooms;
    private final RoomMemberRepository members;
    private final MessageRepository messages;
    private final Outbox outbox;

    @Inject
    public ReceiptService(RoomRepository rooms, RoomMemberRepository members, MessageRepository messages,
            Outbox outbox) {
        this.rooms = rooms;
        this.members = members;
        this.messages = messages;
        this.outbox = outbox;
    }

    /** A member's receipt and unread count. */
    public record Receipt(RoomMember member, long unread) {
    }

    @Transactional
    public Receipt get(UUID roomId, String userId) {
        RoomMember member = member(roomId, userId, LockModeType.NONE);
        return new Receipt(member, messages.countUnread(roomId, userId, member.lastReadSeq));
    }

    /**
     * Marks the room read up to {@code seq} (every message, for null), capped at the room's last message. A receipt
     * never moves back; {@code receipt.updated} is published when it moves forward.
     */
    @Transactional
    public Receipt markRead(UUID roomId, String userId, Long seq) {
        Room room = rooms.findByIdOptional(roomId).orElseThrow(() -> ProblemException.notFound("room " + roomId));
        // the member's row lock orders two marks of one member; sends are not held up by it
        RoomMember member = member(roomId, userId, LockModeType.PESSIMISTIC_WRITE);
        long target = Math.min(seq == null ? room.lastSeq : seq, room.lastSeq);
        if (target > member.lastReadSeq) {
            member.lastReadSeq = target;
            outbox.publish(ChatEvents.TOPIC, ChatEvents.receiptUpdated(member, Instant.now()),
                    ChatEvents.receiptChannels(member));
        }
        return new Receipt(member, messages.countUnread(roomId, userId, member.lastReadSeq));
    }

    private RoomMember member(UUID roomId, String userId, LockModeType lock) {
        return members.findByIdOptional(new RoomMember.Key(roomId, userId), lock)
                .orElseThrow(() -> ProblemException.notFound("room " + roomId));
    }
}
