package dev.realtime.chat.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.RoomMember;

/** A membership as the REST API shows it. */
@Schema(name = "Member", requiredProperties = { "roomId", "userId", "role", "joinedAt" })
public record MemberResponse(
        @Schema(format = "uuid") String roomId,
        @Schema(description = "the member's JWT subject") String userId,
        @Schema(enumeration = { "OWNER", "MEMBER" }) String role,
        Instant joinedAt) {

    static MemberResponse of(RoomMember member) {
        return new MemberResponse(member.roomId.toString(), member.userId, member.role.name(), member.joinedAt);
    }
}
