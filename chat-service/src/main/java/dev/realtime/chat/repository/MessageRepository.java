package dev.realtime.chat.repository;

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

    /** A message of this room. */
    public Optional<Message> findInRoom(UUID roomId, UUID messageId) {
        return find("id = ?1 and roomId = ?2", messageId, roomId).firstResultOptional();
    }
}
