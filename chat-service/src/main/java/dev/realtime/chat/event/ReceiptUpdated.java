package dev.realtime.chat.event;

import java.time.Instant;

import dev.realtime.chat.model.RoomMember;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of {@code receipt.updated}: a member has read every message of the room up to a seq. */
@RegisterForReflection
public record ReceiptUpdated(String roomId, String userId, long lastReadSeq, Instant at) {

    public static ReceiptUpdated of(RoomMember member, Instant at) {
        return new ReceiptUpdated(member.roomId.toString(), member.userId, member.lastReadSeq, at);
    }
}
