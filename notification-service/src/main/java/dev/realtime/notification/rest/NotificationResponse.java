package dev.realtime.notification.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.notification.model.Notification;

/** A notification as the REST API shows it. */
@Schema(name = "Notification", requiredProperties = { "id", "type", "title", "createdAt" })
public record NotificationResponse(
        @Schema(format = "uuid") String id,
        String type,
        String title,
        @Schema(description = "absent when the notification has only a title") String body,
        Instant createdAt,
        @Schema(description = "absent while unread") Instant readAt) {

    static NotificationResponse of(Notification notification) {
        return new NotificationResponse(notification.id.toString(), notification.type, notification.title,
                notification.body, notification.createdAt, notification.readAt);
    }
}
