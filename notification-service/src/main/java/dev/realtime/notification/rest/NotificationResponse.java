package dev.realtime.notification.rest;

import java.time.Instant;

import dev.realtime.notification.model.Notification;

/** A notification as the REST API shows it. */
public record NotificationResponse(String id, String type, String title, String body, Instant createdAt,
        Instant readAt) {

    static NotificationResponse of(Notification notification) {
        return new NotificationResponse(notification.id.toString(), notification.type, notification.title,
                notification.body, notification.createdAt, notification.readAt);
    }
}
