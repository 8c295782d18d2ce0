package dev.realtime.chat.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.Message;

/** A message as the REST API shows it; the same fields as the data of {@code message.posted}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Message", requiredProperties = { "messageId", "roomId", "seq", "senderId", "clientMessageId", "body",
        "sentAt" })
public record MessageResponse(
        @Schema(format = "uuid") String messageId,
        @Schema(format = "uuid") String roomId,
        @Schema(description = "its place in the room: 1 for the first message, each next one 1 more", minimum = "1")
        long seq,
        @Schema(description = "the JWT subject of the sender") String senderId,
        String clientMessageId,
        @Schema(description = "exactly as sent (or as last edited); empty for a deleted message") String body,
        Instant sentAt,
        @Schema(description = "when the sender last edited it; absent if never") Instant editedAt,
        @Schema(description = "when it was deleted; absent if not. A deleted message keeps its seq as a tombstone")
        Instant deletedAt) {

    static MessageResponse of(Message message) {
        return new MessageResponse(message.id.toString(), message.roomId.toString(), message.seq, message.senderId,
                message.clientMessageId, message.body, message.sentAt, message.editedAt, message.deletedAt);
    }
}
