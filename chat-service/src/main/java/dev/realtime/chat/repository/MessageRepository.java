package dev.realtime.chat.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.chat.model.Message;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    /** The message a sender sent with this client message id, if any. */
    public Optional<Message> findByClientId(UUID roomId, String senderId, String clientMessageId) {
        return find("roomId = ?1 and senderId = ?2 and clientMessageId = ?3", roomId, senderId, clientMessageId)
                .firstResultOptional();
    }

    /**
     * A page of a room's history, newest first: up to {@code limit} messages with {@code from <= seq < before}.
     * Seqs are taken under the room's lock and committed in order, so the messages below a committed one never
     * change: a walk down with {@code before} meets each message exactly once, whatever is added meanwhile.
     */
    public List<Message> page(UUID roomId, long from, long before, int limit) {
        return find("roomId = ?1 and seq >= ?2 and seq < ?3 order by seq desc", roomId, from, before)
                .page(0, limit).list();
    }

    /** How many messages of the room after this seq others than the user sent: the user's unread count. */
    public long countUnread(UUID roomId, String userId, long afterSeq) {
        return count("roomId = ?1 and seq > ?2 and senderId <> ?3", roomId, afterSeq, userId);
    }

    /** A message of this room. */
    public Optional<Message> findInRoom(UUID roomId, UUID messageId) {
        return find("id = ?1 and roomId = ?2", messageId, roomId).firstResultOptional();
    }
}
