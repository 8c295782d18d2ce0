package dev.realtime.notification.event;

import dev.realtime.notification.model.Notification;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of {@code notification.read}: which one, and how many stay unread. */
@RegisterForReflection
public record NotificationRead(String id, long unread) {

    public static NotificationRead of(Notification notification, long unread) {
        return new NotificationRead(notification.id.toString(), unread);
    }
}
