package dev.realtime.notification.event;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.notification.config.NotificationConfig;
import dev.realtime.notification.model.Notification;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Writes notification events to the outbox; they go only to the recipient, so all their devices agree. */
@ApplicationScoped
public class NotificationEvents {

    public static final String SOURCE = "notification-service";
    public static final String READ = "notification.read";

    private final Outbox outbox;
    private final NotificationConfig config;

    @Inject
    public NotificationEvents(Outbox outbox, NotificationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Must run in the transaction that marked the notification read. */
    public void read(Notification notification, long unread) {
        EventEnvelope event = EventEnvelope.of(READ, SOURCE, notification.userId,
                new ReadData(notification.id.toString(), unread));
        outbox.publish(config.topic(), event, List.of(Channels.user(notification.userId)));
    }

    /** The {@code data} of {@code notification.read}: which one, and how many stay unread. */
    @RegisterForReflection
    public record ReadData(String id, long unread) {
    }
}
