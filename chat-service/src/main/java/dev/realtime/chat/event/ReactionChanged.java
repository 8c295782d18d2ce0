package dev.realtime.chat.event;

import java.time.Instant;

import dev.realtime.chat.model.Reaction;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of {@code reaction.added} and {@code reaction.removed}. */
@RegisterForReflection
public record ReactionChanged(String roomId, String messageId, String userId, String emoji, Instant at) {

    public static ReactionChanged of(String roomId, Reaction reaction, Instant at) {
        return new ReactionChanged(roomId, reaction.messageId.toString(), reaction.userId, reaction.emoji, at);
    }
}
