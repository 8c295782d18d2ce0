package dev.realtime.chat.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.realtime.chat.event.ChatEvents;
import dev.realtime.chat.model.Message;
import dev.realtime.chat.model.Reaction;
import dev.realtime.chat.repository.ReactionRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;

/** Reactions to messages: one per emoji per user, added and removed by members, each published to the room. */
@ApplicationScoped
public class ReactionService {

    private final MessageService messages;
    private final ReactionRepository reactions;
    private final Outbox outbox;

    @Inject
    public ReactionService(MessageService messages, ReactionRepository reactions, Outbox outbox) {
        this.messages = messages;
        this.reactions = reactions;
        this.outbox = outbox;
    }

    @Transactional
    public List<Reaction> list(UUID roomId, UUID messageId, String userId) {
        return reactions.listByMessage(messages.get(roomId, messageId, userId).id);
    }

    /** Adds the caller's reaction; already there, nothing changes and nothing is published. */
    @Transactional
    public Reaction add(UUID roomId, UUID messageId, String userId, String emoji) {
        checkEmoji(emoji);
        Message message = messages.lockedForMember(roomId, messageId, userId);
        if (message.deletedAt != null) {
            throw ProblemException.conflict("message-deleted", "message " + messageId + " is deleted");
        }
        Reaction.Key key = new Reaction.Key(messageId, userId, emoji);
        return reactions.findByIdOptional(key).orElseGet(() -> {
            Reaction reaction = new Reaction();
            reaction.messageId = messageId;
            reaction.userId = userId;
            reaction.emoji = emoji;
            reaction.createdAt = Instant.now();
            reactions.persist(reaction);
            outbox.publish(ChatEvents.TOPIC, ChatEvents.reaction(ChatEvents.REACTION_ADDED, roomId, reaction,
                    reaction.createdAt), ChatEvents.channels(message));
            return reaction;
        });
    }

    /** Removes the caller's reaction; not there, nothing changes and nothing is published. */
    @Transactional
    public void remove(UUID roomId, UUID messageId, String userId, String emoji) {
        Message message = messages.lockedForMember(roomId, messageId, userId);
        reactions.findByIdOptional(new Reaction.Key(messageId, userId, emoji)).ifPresent(reaction -> {
            reactions.delete(reaction);
            outbox.publish(ChatEvents.TOPIC, ChatEvents.reaction(ChatEvents.REACTION_REMOVED, roomId, reaction,
                    Instant.now()), ChatEvents.channels(message));
        });
    }

    /** An emoji is one short run of visible characters: no whitespace, no control character, no comma. */
    private static void checkEmoji(String emoji) {
        boolean bad = emoji.isEmpty() || emoji.length() > Reaction.MAX_EMOJI_LENGTH
                || emoji.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                        || Character.isSpaceChar(c) || c == ',');
        if (bad) {
            throw new ProblemException(400, "invalid-emoji", "Bad request",
                    "an emoji is 1 to 32 UTF-16 code units without whitespace, control characters or commas");
        }
    }
}
