package dev.realtime.notification.event;

import java.util.List;

import dev.realtime.notification.model.Notification;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.Topics;

/**
 * The events notification-service publishes and where the gateway delivers them. Written in the transaction
 * of the change: {@code outbox.publish(NotificationEvents.TOPIC, NotificationEvents.read(notification, unread),
 * NotificationEvents.channels(notification))}.
 */
public final class NotificationEvents {

    /** Declared in {@code rt.kafka.topics} so the relay creates it. */
    public static final String TOPIC = Topics.NOTIFICATION_EVENTS;
    public static final String SOURCE = "notification-service";
    public static final String READ = "notification.read";

    private NotificationEvents() {
    }

    /** Keyed by the recipient, so every device of a user sees the unread count change in order. */
    public static EventEnvelope read(Notification notification, long unread) {
        return EventEnvelope.of(READ, SOURCE, notification.userId, NotificationRead.of(notification, unread));
    }

    /** A notification's events go only to its recipient, so all their devices agree. */
    public static List<String> channels(Notification notification) {
        return List.of(Channels.user(notification.userId));
    }
}
