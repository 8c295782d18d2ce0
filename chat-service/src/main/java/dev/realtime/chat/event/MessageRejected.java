package dev.realtime.chat.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of {@code message.rejected}, sent to the sender alone: which send was refused and why.
 *
 * @param reason  a stable code clients switch on ({@code blank}, {@code too-long}, {@code not-a-member}, ...)
 * @param message what went wrong, for people
 */
@RegisterForReflection
public record MessageRejected(String roomId, String clientMessageId, String reason, String message) {
}
