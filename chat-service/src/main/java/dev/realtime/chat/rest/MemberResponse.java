package dev.realtime.chat.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.RoomMember;

/** A membership as the REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Member", requiredProperties = { "roomId", "userId", "role", "joinedAt", "lastReadSeq" })
public record MemberResponse(
        @Schema(format = "uuid") String roomId,
        @Schema(description = "the member's JWT subject") String userId,
        @Schema(enumeration = { "OWNER", "MEMBER" }) String role,
        Instant joinedAt,
        @Schema(description = "the member's read receipt: every message up to this seq is read", minimum = "0")
        long lastReadSeq,
        @Schema(description = "until when the member's sends are refused; absent when never muted")
        Instant mutedUntil) {

    static MemberResponse of(RoomMember member) {
        return new MemberResponse(member.roomId.toString(), member.userId, member.role.name(), member.joinedAt,
                member.lastReadSeq, member.mutedUntil);
    }
}
