package dev.realtime.chat.event;

import java.time.Instant;

import dev.realtime.chat.model.RoomMember;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of {@code room.member-muted}: the member's sends are refused until {@code mutedUntil}. */
@RegisterForReflection
public record MemberMuted(String roomId, String userId, Instant mutedUntil, String by) {

    public static MemberMuted of(RoomMember member, String by) {
        return new MemberMuted(member.roomId.toString(), member.userId, member.mutedUntil, by);
    }
}
