package dev.realtime.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.realtime.notification.service.NotificationService;
import io.quarkus.security.Authenticated;

@Path("/notifications")
@Authenticated
public class NotificationResource {

    private final NotificationService notifications;
    private final JsonWebToken jwt;

    @Inject
    public NotificationResource(NotificationService notifications, JsonWebToken jwt) {
        this.notifications = notifications;
        this.jwt = jwt;
    }

    /** The caller's newest notifications. */
    @GET
    public List<NotificationResponse> mine() {
        return notifications.newestFor(jwt.getSubject()).stream().map(NotificationResponse::of).toList();
    }

    /** How many of the caller's notifications are unread. */
    @GET
    @Path("unread-count")
    public UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(jwt.getSubject()));
    }

    /** Marks one of the caller's notifications read and publishes the new unread count to their devices. */
    @POST
    @Path("{id}/read")
    public NotificationResponse markRead(@PathParam("id") UUID id) {
        return NotificationResponse.of(notifications.markRead(id, jwt.getSubject()));
    }

    /** The unread count of the caller. */
    public record UnreadCount(long unread) {
    }
}
