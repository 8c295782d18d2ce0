package dev.realtime.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.notification.model.Notification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** The user's newest notifications. */
    public List<Notification> newestFor(String userId, int limit) {
        return find("userId = ?1 order by createdAt desc", userId).page(0, limit).list();
    }

    public long countUnread(String userId) {
        return count("userId = ?1 and readAt is null", userId);
    }
}
