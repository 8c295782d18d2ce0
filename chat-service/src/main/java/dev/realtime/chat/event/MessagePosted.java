package dev.realtime.chat.event;

import java.time.Instant;

import dev.realtime.chat.model.Message;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of {@code message.posted}, {@code message.edited} and {@code message.deleted}: the stored
 * message as it is after the change, with the sender's own id of it so that the sending client can replace its
 * optimistic copy. {@code editedAt} and {@code deletedAt} are null until the message is edited or deleted.
 */
@RegisterForReflection
public record MessagePosted(String messageId, String roomId, String senderId, String clientMessageId, String body,
        long seq, Instant sentAt, Instant editedAt, Instant deletedAt) {

    public static MessagePosted of(Message message) {
        return new MessagePosted(message.id.toString(), message.roomId.toString(), message.senderId,
                message.clientMessageId, message.body, message.seq, message.sentAt, message.editedAt,
                message.deletedAt);
    }
}
