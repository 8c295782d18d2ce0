package dev.realtime.chat.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.realtime.chat.model.Message;
import dev.realtime.chat.model.Reaction;
import dev.realtime.chat.model.Room;
import dev.realtime.chat.model.RoomMember;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.Revocation;
import dev.realtime.platform.event.Topics;

/**
 * The events chat-service publishes and where the gateway delivers them. Written in the transaction of the
 * change: {@code outbox.publish(ChatEvents.TOPIC, ChatEvents.roomCreated(room), ChatEvents.channels(room))}.
 */
public final class ChatEvents {

    /** Declared in {@code rt.kafka.topics} so the relay creates it. */
    public static final String TOPIC = Topics.CHAT_EVENTS;
    public static final String SOURCE = "chat-service";
    public static final String ROOM_CREATED = "room.created";
    public static final String MEMBER_JOINED = "room.member-joined";
    public static final String MEMBER_ADDED = "room.member-added";
    public static final String MEMBER_LEFT = "room.member-left";
    public static final String MEMBER_REMOVED = "room.member-removed";
    public static final String MEMBER_MUTED = "room.member-muted";
    public static final String RECEIPT_UPDATED = "receipt.updated";
    public static final String MESSAGE_POSTED = "message.posted";
    public static final String MESSAGE_REJECTED = "message.rejected";
    public static final String MESSAGE_EDITED = "message.edited";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String REACTION_ADDED = "reaction.added";
    public static final String REACTION_REMOVED = "reaction.removed";

    private ChatEvents() {
    }

    public static EventEnvelope roomCreated(Room room) {
        return EventEnvelope.of(ROOM_CREATED, SOURCE, room.id.toString(), RoomData.of(room));
    }

    /** A member came in: {@code room.member-joined} if they joined themselves, else {@code room.member-added}. */
    public static EventEnvelope memberIn(RoomMember member, String by, Instant at) {
        return EventEnvelope.of(member.userId.equals(by) ? MEMBER_JOINED : MEMBER_ADDED, SOURCE,
                member.roomId.toString(), MemberChanged.of(member, by, at));
    }

    /** A member went: {@code room.member-left} if they left themselves, else {@code room.member-removed}. */
    public static EventEnvelope memberOut(RoomMember member, String by, Instant at) {
        return EventEnvelope.of(member.userId.equals(by) ? MEMBER_LEFT : MEMBER_REMOVED, SOURCE,
                member.roomId.toString(), MemberChanged.of(member, by, at));
    }

    /** A membership change goes to the room and to the member, who hears of it even when no longer subscribed. */
    public static List<String> channels(RoomMember member) {
        return List.of(Channels.room(member.roomId.toString()), Channels.user(member.userId));
    }

    /** What a member who is gone loses: their subscription to the room's channel, on every gateway replica. */
    public static Revocation revocation(RoomMember member) {
        return new Revocation(Channels.room(member.roomId.toString()), List.of(member.userId));
    }

    public static EventEnvelope memberMuted(RoomMember member, String by) {
        return EventEnvelope.of(MEMBER_MUTED, SOURCE, member.roomId.toString(), MemberMuted.of(member, by));
    }

    public static EventEnvelope receiptUpdated(RoomMember member, Instant at) {
        return EventEnvelope.of(RECEIPT_UPDATED, SOURCE, member.roomId.toString(), ReceiptUpdated.of(member, at));
    }

    /** A read receipt goes to the room, whose members show who has read what. */
    public static List<String> receiptChannels(RoomMember member) {
        return List.of(Channels.room(member.roomId.toString()));
    }

    public static EventEnvelope messagePosted(Message message) {
        return message(MESSAGE_POSTED, message);
    }

    /** {@code message.edited} or {@code message.deleted}: the message after the change. */
    public static EventEnvelope message(String type, Message message) {
        return EventEnvelope.of(type, SOURCE, message.roomId.toString(), MessagePosted.of(message));
    }

    /** A refused send, keyed like the command it answers (by its subject, the room id). */
    public static EventEnvelope messageRejected(String subject, SendMessageCommand command, String reason,
            String message) {
        return EventEnvelope.of(MESSAGE_REJECTED, SOURCE, subject, new MessageRejected(command.roomId(),
                command.clientMessageId(), reason, message));
    }

    /** {@code reaction.added} or {@code reaction.removed}, keyed by the room so it keeps the room's order. */
    public static EventEnvelope reaction(String type, UUID roomId, Reaction reaction, Instant at) {
        return EventEnvelope.of(type, SOURCE, roomId.toString(), ReactionChanged.of(roomId.toString(), reaction, at));
    }

    /** A message goes to the room's channel, whose subscribers are its members. */
    public static List<String> channels(Message message) {
        return List.of(Channels.room(message.roomId.toString()));
    }

    /** A room's events go to the room's channel and to its creator. */
    public static List<String> channels(Room room) {
        return List.of(Channels.user(room.createdBy), Channels.room(room.id.toString()));
    }

    /** A new room goes to each of its first members and to the room's channel. */
    public static List<String> channels(Room room, List<String> members) {
        List<String> channels = new java.util.ArrayList<>();
        members.forEach(member -> channels.add(Channels.user(member)));
        channels.add(Channels.room(room.id.toString()));
        return channels;
    }
}
