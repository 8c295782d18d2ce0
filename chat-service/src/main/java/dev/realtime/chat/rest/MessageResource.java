package dev.realtime.chat.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.realtime.chat.config.ChatConfig;
import dev.realtime.chat.model.Message;
import dev.realtime.chat.service.MessageService;
import io.quarkus.security.Authenticated;

@Path("/rooms/{roomId}/messages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final MessageService messages;
    private final JsonWebToken jwt;
    private final ChatConfig config;

    @Inject
    public MessageResource(MessageService messages, JsonWebToken jwt, ChatConfig config) {
        this.messages = messages;
        this.jwt = jwt;
        this.config = config;
    }

    /**
     * Posts a message as the caller, as a {@code send} frame over the gateway does; {@code message.posted} is
     * published to {@code room:{roomId}}.
     */
    @POST
    @APIResponse(responseCode = "201", description = "The message, at its place in the room's sequence; for a resend"
            + " of a clientMessageId, the message stored first",
            headers = @Header(name = "Location", description = "the message's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "400", description = "Blank, too long, or holding a control character other than tab,"
            + " line feed and carriage return (field body)")
    @APIResponse(responseCode = "403", description = "The caller is not a member (type .../not-a-member) or is muted"
            + " in the room (type .../muted)")
    @APIResponse(responseCode = "404", description = "No such room (type .../room-not-found)")
    public Response send(@PathParam("roomId") UUID roomId, @Valid @NotNull SendMessageRequest request) {
        Message message = messages.send(roomId, jwt.getSubject(), request.clientMessageId(), request.body()).message();
        return Response.created(URI.create("/rooms/" + roomId + "/messages/" + message.id))
                .entity(MessageResponse.of(message)).build();
    }

    /**
     * A page of the room's history, newest first, for its members (from their join on, unless the room shows
     * earlier history). Walk down with {@code before=nextBefore}: each message comes exactly once, in seq order,
     * however many are posted during the walk; newer ones arrive as {@code message.posted} events.
     */
    @GET
    @APIResponse(responseCode = "200", description = "Up to limit messages with seq below before, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HistoryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public HistoryResponse history(@PathParam("roomId") UUID roomId,
            @Parameter(description = "only messages with a smaller seq (the nextBefore of the previous page);"
                    + " absent for the newest") @QueryParam("before") @Min(1) Long before,
            @Parameter(description = "page size, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(100) int limit) {
        return HistoryResponse.of(messages.history(roomId, jwt.getSubject(), before, limit));
    }

    /** Edits one's own message; {@code message.edited} goes to the room. */
    @PATCH
    @Path("{messageId}")
    @APIResponse(responseCode = "200", description = "The message after the edit", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's message")
    @APIResponse(responseCode = "404", description = "No such message or room, or the caller is not a member")
    @APIResponse(responseCode = "409", description = "The message is deleted (type .../message-deleted)")
    public MessageResponse edit(@PathParam("roomId") UUID roomId, @PathParam("messageId") UUID messageId,
            @Valid @NotNull EditMessageRequest request) {
        return MessageResponse.of(messages.edit(roomId, messageId, jwt.getSubject(), request.body()));
    }

    /**
     * Deletes one's own message (an admin: anyone's); it stays as a tombstone at its seq, and
     * {@code message.deleted} goes to the room.
     */
    @DELETE
    @Path("{messageId}")
    @APIResponse(responseCode = "200", description = "The tombstone: empty body, deletedAt set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's message, and the caller is no admin")
    @APIResponse(responseCode = "404", description = "No such message or room, or the caller is not a member")
    public MessageResponse delete(@PathParam("roomId") UUID roomId, @PathParam("messageId") UUID messageId) {
        return MessageResponse.of(messages.delete(roomId, messageId, jwt.getSubject(),
                jwt.getGroups().contains(config.adminRole())));
    }

    /** One message, for the room's members; to anyone else the room does not exist. */
    @GET
    @Path("{messageId}")
    @APIResponse(responseCode = "200", description = "The message", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "404", description = "No such message or room, or the caller is not a member")
    public MessageResponse get(@PathParam("roomId") UUID roomId, @PathParam("messageId") UUID messageId) {
        return MessageResponse.of(messages.get(roomId, messageId, jwt.getSubject()));
    }
}
