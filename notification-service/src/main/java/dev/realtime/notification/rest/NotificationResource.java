package dev.realtime.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.realtime.notification.service.NotificationService;
import io.quarkus.security.Authenticated;

@Path("/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
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
    @APIResponse(responseCode = "200", description = "The caller's newest notifications", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationResponse.class)))
    public List<NotificationResponse> mine() {
        return notifications.newestFor(jwt.getSubject()).stream().map(NotificationResponse::of).toList();
    }

    /** How many of the caller's notifications are unread. */
    @GET
    @Path("unread-count")
    @APIResponse(responseCode = "200", description = "The caller's unread count", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnreadCount.class)))
    public UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(jwt.getSubject()));
    }

    /** Marks one of the caller's notifications read and publishes the new unread count to their devices. */
    @POST
    @Path("{id}/read")
    @APIResponse(responseCode = "200", description = "The notification, read", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such notification, or not the caller's")
    public NotificationResponse markRead(@PathParam("id") UUID id) {
        return NotificationResponse.of(notifications.markRead(id, jwt.getSubject()));
    }

    /** The unread count of the caller. */
    @Schema(requiredProperties = "unread")
    public record UnreadCount(@Schema(minimum = "0") long unread) {
    }
}
