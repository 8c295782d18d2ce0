package dev.realtime.chat.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.chat.model.Reaction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReactionRepository implements PanacheRepositoryBase<Reaction, Reaction.Key> {

    public List<Reaction> listByMessage(UUID messageId) {
        return list("messageId = ?1 order by createdAt, userId, emoji", messageId);
    }
}
