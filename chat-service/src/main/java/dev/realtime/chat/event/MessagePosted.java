package dev.realtime.chat.event;

import java.time.Instant;

import dev.realtime.chat.model.Message;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of {@code message.posted}: the stored message, with the sender's own id of it so that the
 * sending client can replace its optimistic copy.
 */
@RegisterForReflection
public record MessagePosted(String messageId, String roomId, String senderId, String clientMessageId, String body,
        long seq, Instant sentAt) {

    public static MessagePosted of(Message message) {
        return new MessagePosted(message.id.toString(), message.roomId.toString(), message.senderId,
                message.clientMessageId, message.body, message.seq, message.sentAt);
    }
}
