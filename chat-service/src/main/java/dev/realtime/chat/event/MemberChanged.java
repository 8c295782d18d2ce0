package dev.realtime.chat.event;

import java.time.Instant;

import dev.realtime.chat.model.RoomMember;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of the membership events ({@code room.member-joined}, {@code -added}, {@code -left},
 * {@code -removed}): whose membership changed, by whom, and when.
 *
 * @param role the member's role in the room ({@code OWNER} or {@code MEMBER}); for a member who is gone, the one
 *             they had
 * @param by   the JWT subject who made the change: the member themselves for a join or a leave
 */
@RegisterForReflection
public record MemberChanged(String roomId, String userId, String role, String by, Instant at) {

    public static MemberChanged of(RoomMember member, String by, Instant at) {
        return new MemberChanged(member.roomId.toString(), member.userId, member.role.name(), by, at);
    }
}
