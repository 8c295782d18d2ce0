package dev.realtime.chat.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.realtime.chat.event.ChatEvents;
import dev.realtime.chat.event.SendMessageCommand;
import dev.realtime.chat.model.Message;
import dev.realtime.chat.model.Room;
import dev.realtime.chat.model.RoomMember;
import dev.realtime.chat.repository.MessageRepository;
import dev.realtime.chat.repository.RoomMemberRepository;
import dev.realtime.chat.repository.RoomRepository;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;

/**
 * Posting messages, over REST or as commands from the gateway. A message takes the room's next seq under the
 * room's row lock, so seqs are gap-free and their order is the order of the commits, which is also the order of
 * the {@code message.posted} events on the room's partition.
 */
@ApplicationScoped
public class MessageService {

    private final RoomRepository rooms;
    private final RoomMemberRepository members;
    private final MessageRepository messages;
    private final Outbox outbox;

    @Inject
    public MessageService(RoomRepository rooms, RoomMemberRepository members, MessageRepository messages,
            Outbox outbox) {
        this.rooms = rooms;
        this.members = members;
        this.messages = messages;
        this.outbox = outbox;
    }

    /** What a send did: the stored message, and whether this call stored it or an earlier one had. */
    public record Posted(Message message, boolean created) {
    }

    /**
     * Posts a message once per (room, sender, client message id): a resend answers with the message stored first,
     * whatever its body, and publishes nothing more.
     *
     * @throws MessageRefused before anything is written, with the reason
     */
    @Transactional(dontRollbackOn = MessageRefused.class)
    public Posted send(UUID roomId, String senderId, String clientMessageId, String body) {
        checkBody(body);
        Room room = rooms.findByIdOptional(roomId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new MessageRefused(404, MessageRefused.ROOM_NOT_FOUND, "room " + roomId + " does not exist"));
        var earlier = messages.findByClientId(roomId, senderId, clientMessageId);
        if (earlier.isPresent()) {
            return new Posted(earlier.get(), false);
        }
        Instant now = Instant.now();
        RoomMember member = members.findByIdOptional(new RoomMember.Key(roomId, senderId))
                .orElseThrow(() -> new MessageRefused(403, MessageRefused.NOT_A_MEMBER,
                        "the sender is not a member of room " + roomId));
        if (member.mutedAt(now)) {
            throw new MessageRefused(403, MessageRefused.MUTED, "the sender is muted in room " + roomId + " until "
                    + member.mutedUntil);
        }
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.roomId = roomId;
        message.seq = ++room.lastSeq;
        message.senderId = senderId;
        message.clientMessageId = clientMessageId;
        message.body = body;
        message.sentAt = now;
        messages.persist(message);
        outbox.publish(ChatEvents.TOPIC, ChatEvents.messagePosted(message), ChatEvents.channels(message));
        return new Posted(message, true);
    }

    /**
     * Applies a {@code chat.send-message} command in the inbox's transaction: the message is posted, or its
     * sender hears why not through {@code message.rejected} on {@code user:{sender}}; a command is never dropped
     * in silence.
     *
     * @param subject the command's subject (the room id), the key of a rejection
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String subject, SendMessageCommand command) {
        try {
            if (command.clientMessageId() == null || !command.clientMessageId().matches(Message.CLIENT_MESSAGE_ID_PATTERN)
                    || command.roomId() == null || command.body() == null) {
                throw new MessageRefused(400, MessageRefused.INVALID_COMMAND,
                        "a send needs roomId, body and a clientMessageId of 1 to 100 visible ASCII characters");
            }
            send(roomId(command.roomId()), command.senderId(), command.clientMessageId(), command.body());
        } catch (MessageRefused refused) {
            outbox.publish(ChatEvents.TOPIC, ChatEvents.messageRejected(subject, command, refused.reason(),
                    refused.getMessage()),
                    List.of(Channels.user(command.senderId())));
        }
    }

    /**
     * Changes the body of one's own message; it keeps its seq, and {@code message.edited} goes to the room. A
     * deleted message cannot be edited.
     */
    @Transactional
    public Message edit(UUID roomId, UUID messageId, String userId, String body) {
        checkBody(body);
        Message message = locked(roomId, messageId, userId);
        if (!message.senderId.equals(userId)) {
            throw ProblemException.forbidden("only its sender edits message " + messageId);
        }
        if (message.deletedAt != null) {
            throw ProblemException.conflict("message-deleted", "message " + messageId + " is deleted");
        }
        message.body = body;
        message.editedAt = Instant.now();
        outbox.publish(ChatEvents.TOPIC, ChatEvents.message(ChatEvents.MESSAGE_EDITED, message),
                ChatEvents.channels(message));
        return message;
    }

    /**
     * Deletes a message, one's own or, for an admin, anyone's: it stays in the sequence as a tombstone with an
     * empty body, and {@code message.deleted} goes to the room. Deleting a tombstone changes nothing.
     */
    @Transactional
    public Message delete(UUID roomId, UUID messageId, String userId, boolean admin) {
        Message message = locked(roomId, messageId, userId);
        if (!admin && !message.senderId.equals(userId)) {
            throw ProblemException.forbidden("only its sender or an admin deletes message " + messageId);
        }
        if (message.deletedAt == null) {
            message.body = "";
            message.deletedAt = Instant.now();
            outbox.publish(ChatEvents.TOPIC, ChatEvents.message(ChatEvents.MESSAGE_DELETED, message),
                    ChatEvents.channels(message));
        }
        return message;
    }

    /** A message the member may see, locked for a change to it or to its reactions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Message lockedForMember(UUID roomId, UUID messageId, String userId) {
        return locked(roomId, messageId, userId);
    }

    private Message locked(UUID roomId, UUID messageId, String userId) {
        RoomMember member = reader(roomId, userId);
        Message message = messages.findByIdOptional(messageId, LockModeType.PESSIMISTIC_WRITE)
                .filter(m -> m.roomId.equals(roomId) && m.seq >= member.firstSeq)
                .orElseThrow(() -> ProblemException.notFound("message " + messageId));
        return message;
    }

    /** A message of a room, for the room's members who may see it. */
    @Transactional
    public Message get(UUID roomId, UUID messageId, String userId) {
        RoomMember member = reader(roomId, userId);
        return messages.findInRoom(roomId, messageId).filter(m -> m.seq >= member.firstSeq)
                .orElseThrow(() -> ProblemException.notFound("message " + messageId));
    }

    /** One page of history, newest first, and the cursor of the next (older) page, or null at the member's start. */
    public record Page(List<Message> messages, Long nextBefore) {
    }

    /**
     * The messages below {@code before} (or the newest, for null) that the member may see, newest first.
     *
     * @param limit at most this many
     */
    @Transactional
    public Page history(UUID roomId, String userId, Long before, int limit) {
        RoomMember member = reader(roomId, userId);
        List<Message> page = messages.page(roomId, member.firstSeq, before == null ? Long.MAX_VALUE : before, limit);
        Long next = page.size() == limit && page.get(page.size() - 1).seq > member.firstSeq
                ? page.get(page.size() - 1).seq : null;
        return new Page(page, next);
    }

    private RoomMember reader(UUID roomId, String userId) {
        return members.findByIdOptional(new RoomMember.Key(roomId, userId))
                .orElseThrow(() -> ProblemException.notFound("room " + roomId));
    }

    private static UUID roomId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MessageRefused(404, MessageRefused.ROOM_NOT_FOUND, "room " + text + " does not exist");
        }
    }

    /**
     * Control characters other than tab, line feed and carriage return never get this far: the platform's strict
     * JSON reader refuses them in REST bodies (400) and in command envelopes (to {@code chat.commands.dlq}).
     */
    private static void checkBody(String body) {
        if (body.isBlank()) {
            throw new MessageRefused(400, MessageRefused.BLANK, "the body is blank");
        }
        if (body.length() > Message.MAX_BODY_LENGTH) {
            throw new MessageRefused(400, MessageRefused.TOO_LONG, "the body has " + body.length()
                    + " characters, more than " + Message.MAX_BODY_LENGTH);
        }
    }
}
