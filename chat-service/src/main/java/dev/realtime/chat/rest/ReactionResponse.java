package dev.realtime.chat.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.Reaction;

/** A user's reaction to a message. */
@Schema(name = "Reaction", requiredProperties = { "messageId", "userId", "emoji", "createdAt" })
public record ReactionResponse(@Schema(format = "uuid") String messageId, String userId, String emoji,
        Instant createdAt) {

    static ReactionResponse of(Reaction reaction) {
        return new ReactionResponse(reaction.messageId.toString(), reaction.userId, reaction.emoji, reaction.createdAt);
    }
}
