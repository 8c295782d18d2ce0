package dev.realtime.chat.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.Message;

/** A message as the REST API shows it; the same fields as the data of {@code message.posted}. */
@Schema(name = "Message", requiredProperties = { "messageId", "roomId", "seq", "senderId", "clientMessageId", "body",
        "sentAt" })
public record MessageResponse(
        @Schema(format = "uuid") String messageId,
        @Schema(format = "uuid") String roomId,
        @Schema(description = "its place in the room: 1 for the first message, each next one 1 more", minimum = "1")
        long seq,
        @Schema(description = "the JWT subject of the sender") String senderId,
        String clientMessageId,
        String body,
        Instant sentAt) {

    static MessageResponse of(Message message) {
        return new MessageResponse(message.id.toString(), message.roomId.toString(), message.seq, message.senderId,
                message.clientMessageId, message.body, message.sentAt);
    }
}
