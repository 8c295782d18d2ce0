package dev.realtime.chat.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.realtime.chat.event.ChatEvents;
import dev.realtime.chat.model.Room;
import dev.realtime.chat.model.RoomKind;
import dev.realtime.chat.model.RoomMember;
import dev.realtime.chat.repository.RoomMemberRepository;
import dev.realtime.chat.repository.RoomRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;

/**
 * Who is in a room. A change takes the room's row lock, as a send does, so a member removed before a send commits
 * cannot post in it, and publishes its event in the same transaction; a member who is gone is revoked from
 * {@code room:{id}} by that event's record (headers {@code rt-revoke}, {@code rt-revoke-subjects}).
 */
@ApplicationScoped
public class MembershipService {

    private final RoomRepository rooms;
    private final RoomMemberRepository members;
    private final Outbox outbox;

    @Inject
    public MembershipService(RoomRepository rooms, RoomMemberRepository members, Outbox outbox) {
        this.rooms = rooms;
        this.members = members;
        this.outbox = outbox;
    }

    /** Who may change a room's membership, and as whom. */
    public record Actor(String userId, boolean admin) {
    }

    /** The members of a room, for its members; to anyone else the room does not exist. */
    @Transactional
    public List<RoomMember> list(UUID roomId, String userId) {
        if (members.findByIdOptional(new RoomMember.Key(roomId, userId)).isEmpty()) {
            throw ProblemException.notFound("room " + roomId);
        }
        return members.listByRoom(roomId);
    }

    /**
     * Makes the user a member: the user themselves joining an open room, or the room's owner or an admin adding
     * anyone. Already a member, nothing changes and nothing is published.
     */
    @Transactional
    public RoomMember add(UUID roomId, String userId, Actor actor) {
        Room room = lockedRoom(roomId);
        fixedIfDirect(room);
        Optional<RoomMember> existing = members.findByIdOptional(new RoomMember.Key(roomId, userId));
        boolean joining = userId.equals(actor.userId()) && room.open;
        if (!joining && !mayManage(roomId, actor)) {
            throw ProblemException.forbidden(userId.equals(actor.userId())
                    ? "room " + roomId + " is not open: its owner or an admin adds members"
                    : "only the room's owner or an admin adds members to room " + roomId);
        }
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = Instant.now();
        RoomMember member = new RoomMember();
        member.roomId = roomId;
        member.userId = userId;
        member.role = RoomMember.Role.MEMBER;
        member.joinedAt = now;
        member.firstSeq = room.fullHistory ? 1 : room.lastSeq + 1;
        member.lastReadSeq = member.firstSeq - 1;
        members.persist(member);
        outbox.publish(ChatEvents.TOPIC, ChatEvents.memberIn(member, actor.userId(), now), ChatEvents.channels(member));
        return member;
    }

    /**
     * Ends a membership: the member leaving, or the room's owner or an admin removing them. The owner cannot go:
     * a room always has one.
     */
    @Transactional
    public void remove(UUID roomId, String userId, Actor actor) {
        fixedIfDirect(lockedRoom(roomId));
        boolean leaving = userId.equals(actor.userId());
        if (!leaving && !mayManage(roomId, actor)) {
            throw ProblemException.forbidden("only the room's owner or an admin removes members of room " + roomId);
        }
        RoomMember member = members.findByIdOptional(new RoomMember.Key(roomId, userId))
                .orElseThrow(() -> ProblemException.notFound("member " + userId + " of room " + roomId));
        if (member.role == RoomMember.Role.OWNER) {
            throw ProblemException.conflict("owner-stays", "the owner of room " + roomId + " cannot leave it or be removed");
        }
        members.delete(member);
        outbox.publish(ChatEvents.TOPIC, ChatEvents.memberOut(member, actor.userId(), Instant.now()),
                ChatEvents.channels(member), ChatEvents.revocation(member));
    }

    /**
     * Refuses the member's sends for {@code seconds} from now (0 lifts a mute), by the room's owner or an admin;
     * {@code room.member-muted} is published to the room and the member.
     */
    @Transactional
    public RoomMember mute(UUID roomId, String userId, long seconds, Actor actor) {
        lockedRoom(roomId);
        if (!mayManage(roomId, actor)) {
            throw ProblemException.forbidden("only the room's owner or an admin mutes members of room " + roomId);
        }
        RoomMember member = members.findByIdOptional(new RoomMember.Key(roomId, userId))
                .orElseThrow(() -> ProblemException.notFound("member " + userId + " of room " + roomId));
        member.mutedUntil = Instant.now().plusSeconds(seconds);
        outbox.publish(ChatEvents.TOPIC, ChatEvents.memberMuted(member, actor.userId()), ChatEvents.channels(member));
        return member;
    }

    private static void fixedIfDirect(Room room) {
        if (room.kind == RoomKind.DIRECT) {
            throw ProblemException.conflict("direct-room", "room " + room.id
                    + " is a direct conversation: its two members are fixed");
        }
    }

    private Room lockedRoom(UUID roomId) {
        return rooms.findByIdOptional(roomId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("room " + roomId));
    }

    private boolean mayManage(UUID roomId, Actor actor) {
        return actor.admin() || members.findByIdOptional(new RoomMember.Key(roomId, actor.userId()))
                .map(m -> m.role == RoomMember.Role.OWNER).orElse(false);
    }
}
