package dev.realtime.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.realtime.notification.config.NotificationConfig;
import dev.realtime.notification.event.NotificationEvents;
import dev.realtime.notification.model.Notification;
import dev.realtime.notification.repository.NotificationRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;

/** A user's notifications and unread count; every change and its event commit together. */
@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final Outbox outbox;
    private final NotificationConfig config;

    @Inject
    public NotificationService(NotificationRepository notifications, Outbox outbox, NotificationConfig config) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public List<Notification> newestFor(String userId) {
        return notifications.newestFor(userId, config.pageSize());
    }

    @Transactional
    public long unreadCount(String userId) {
        return notifications.countUnread(userId);
    }

    /** Marks one of the user's notifications read; reading it again changes nothing and publishes nothing. */
    @Transactional
    public Notification markRead(UUID id, String userId) {
        Notification notification = notifications.findById(id);
        if (notification == null || !notification.userId.equals(userId)) {
            throw ProblemException.notFound("notification " + id);
        }
        if (notification.readAt == null) {
            notification.readAt = Instant.now();
            notifications.flush();
            outbox.publish(NotificationEvents.TOPIC,
                    NotificationEvents.read(notification, notifications.countUnread(userId)),
                    NotificationEvents.channels(notification));
        }
        return notification;
    }
}
