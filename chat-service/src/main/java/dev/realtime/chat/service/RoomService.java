package dev.realtime.chat.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.realtime.chat.event.ChatEvents;
import dev.realtime.chat.model.AdminUser;
import dev.realtime.chat.model.Room;
import dev.realtime.chat.model.RoomKind;
import dev.realtime.chat.model.RoomMember;
import dev.realtime.chat.repository.AdminUserRepository;
import dev.realtime.chat.repository.RoomMemberRepository;
import dev.realtime.chat.repository.RoomRepository;
import dev.realtime.platform.inbox.PoisonRecordException;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;
import dev.realtime.platform.rest.IdempotencyKeys;

/** Rooms and their membership; every change and its event commit together. */
@ApplicationScoped
public class RoomService {

    private final RoomRepository rooms;
    private final RoomMemberRepository members;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final AdminUserRepository admins;

    @Inject
    public RoomService(RoomRepository rooms, RoomMemberRepository members, Outbox outbox,
            IdempotencyKeys idempotency, AdminUserRepository admins) {
        this.rooms = rooms;
        this.members = members;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.admins = admins;
    }

    /** Creates a room whose first member, its owner, is the creator. */
    @Transactional
    public Room create(String creatorId, String name, boolean open, boolean fullHistory, String idempotencyKey) {
        return idempotency.createOnce("room", creatorId, idempotencyKey, rooms::findByIdOptional,
                id -> open(id, creatorId, name, open, fullHistory));
    }

    private Room open(UUID id, String creatorId, String name, boolean open, boolean fullHistory) {
        Instant now = Instant.now();
        Room room = persist(id, RoomKind.GROUP, name, creatorId, now);
        room.open = open;
        room.fullHistory = fullHistory;
        addMember(room, creatorId, RoomMember.Role.OWNER, now);
        outbox.publish(ChatEvents.TOPIC, ChatEvents.roomCreated(room), ChatEvents.channels(room));
        return room;
    }

    /**
     * The direct conversation of the caller and another user, made on the first call: exactly one per pair,
     * whoever asks first and however many ask at once. Its id is derived from the pair, and the make is claimed
     * under the pair's key in the inbox, so a concurrent second call waits for the first and then finds its room.
     */
    @Transactional
    public Room direct(String callerId, String otherId) {
        if (callerId.equals(otherId)) {
            throw new ProblemException(400, "direct-with-self", "Bad request",
                    "a direct conversation is between two different users");
        }
        String low = callerId.compareTo(otherId) < 0 ? callerId : otherId;
        String high = low.equals(callerId) ? otherId : callerId;
        return idempotency.createOnce("direct-room", low, high, rooms::findByIdOptional, id -> {
            Instant now = Instant.now();
            Room room = persist(id, RoomKind.DIRECT, "direct", callerId, now);
            room.fullHistory = true;
            addMember(room, low, RoomMember.Role.OWNER, now);
            addMember(room, high, RoomMember.Role.OWNER, now);
            outbox.publish(ChatEvents.TOPIC, ChatEvents.roomCreated(room), ChatEvents.channels(room, List.of(low, high)));
            return room;
        });
    }

    /**
     * Opens the room of a booking, whose id is the booking's: its owner (who stays) and every admin known so far.
     * A booking that already has its room is left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bookingRoom(String bookingId, String ownerId) {
        UUID id;
        try {
            id = UUID.fromString(bookingId);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("booking id " + bookingId + " is not a UUID", e);
        }
        if (rooms.findByIdOptional(id).isPresent()) {
            return;
        }
        Instant now = Instant.now();
        Room room = persist(id, RoomKind.BOOKING, "booking " + bookingId, ownerId, now);
        room.fullHistory = true;
        addMember(room, ownerId, RoomMember.Role.OWNER, now);
        List<String> memberIds = new java.util.ArrayList<>(List.of(ownerId));
        for (AdminUser admin : admins.listAll()) {
            if (!admin.userId.equals(ownerId)) {
                addMember(room, admin.userId, RoomMember.Role.MEMBER, now);
                memberIds.add(admin.userId);
            }
        }
        outbox.publish(ChatEvents.TOPIC, ChatEvents.roomCreated(room), ChatEvents.channels(room, memberIds));
    }

    private Room persist(UUID id, RoomKind kind, String name, String creatorId, Instant now) {
        Room room = new Room();
        room.id = id;
        room.kind = kind;
        room.name = name;
        room.createdBy = creatorId;
        room.createdAt = now;
        rooms.persist(room);
        return room;
    }

    private void addMember(Room room, String userId, RoomMember.Role role, Instant now) {
        RoomMember member = new RoomMember();
        member.roomId = room.id;
        member.userId = userId;
        member.role = role;
        member.joinedAt = now;
        members.persist(member);
    }

    @Transactional
    public List<Room> listForMember(String userId) {
        return rooms.listForMember(userId);
    }

    /**
     * Whether this user may subscribe to the room's channel: returns if they are a member, else fails with 403
     * (the room exists) or 404 (it does not). The answer to the gateway's subscription check.
     */
    @Transactional
    public void checkAccess(UUID roomId, String userId) {
        boolean member = rooms.membership(roomId, userId).orElseThrow(() -> ProblemException.notFound("room " + roomId));
        if (!member) {
            throw ProblemException.forbidden("not a member of room " + roomId);
        }
    }

    /** A room its caller is a member of; to anyone else it does not exist. */
    @Transactional
    public Room getForMember(UUID roomId, String userId) {
        return rooms.findForMember(roomId, userId).orElseThrow(() -> ProblemException.notFound("room " + roomId));
    }
}
