package dev.realtime.chat.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.realtime.chat.model.Room;
import dev.realtime.chat.service.RoomService;
import dev.realtime.platform.rest.IdempotencyKeys;
import io.quarkus.security.Authenticated;

@Path("/rooms")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomResource {

    private final RoomService rooms;
    private final JsonWebToken jwt;

    @Inject
    public RoomResource(RoomService rooms, JsonWebToken jwt) {
        this.rooms = rooms;
        this.jwt = jwt;
    }

    /** Opens a room owned by the caller; {@code room.created} is published. */
    @POST
    @APIResponse(responseCode = "201", description = "The room; the caller is its owner",
            headers = @Header(name = "Location", description = "the new room's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoomResponse.class)))
    public Response create(@Valid @NotNull CreateRoomRequest request,
            @Parameter(description = "makes a retry safe: sent again with the same key, the create answers with the"
                    + " room the first call made instead of opening another (a UUID is the usual key)")
            @HeaderParam(IdempotencyKeys.HEADER) @Pattern(regexp = IdempotencyKeys.PATTERN) String idempotencyKey) {
        Room room = rooms.create(jwt.getSubject(), request.name(), request.isOpen(), request.isFullHistory(),
                idempotencyKey);
        return Response.created(URI.create("/rooms/" + room.id)).entity(RoomResponse.of(room)).build();
    }

    /**
     * The caller's direct conversation with another user, made on the first call by either of them: exactly one
     * per pair, also when both ask at once. {@code room.created} goes to both users when it is made.
     */
    @PUT
    @Path("direct/{userId}")
    @APIResponse(responseCode = "200", description = "The pair's direct room (kind DIRECT), made now or earlier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoomResponse.class)))
    @APIResponse(responseCode = "400", description = "The other user is the caller (type .../direct-with-self)")
    public RoomResponse direct(@PathParam("userId") @Parameter(description = "the other user's JWT subject")
            @Pattern(regexp = MemberResource.USER_ID_PATTERN) String userId) {
        return RoomResponse.of(rooms.direct(jwt.getSubject(), userId));
    }

    /** The rooms the caller is a member of, newest first. */
    @GET
    @APIResponse(responseCode = "200", description = "The caller's rooms, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RoomResponse.class)))
    public List<RoomResponse> mine() {
        return rooms.listForMember(jwt.getSubject()).stream().map(RoomResponse::of).toList();
    }

    /** One room, for its members; to anyone else it does not exist. */
    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The room", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoomResponse.class)))
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public RoomResponse get(@PathParam("id") UUID id) {
        return RoomResponse.of(rooms.getForMember(id, jwt.getSubject()));
    }

    /**
     * The gateway's subscription check for {@code room:{id}}, made with the subscribing user's own token: 204 if
     * the caller is a member. Unlike {@link #get}, it tells a stranger that the room exists (403), so that the
     * gateway can answer its client with {@code forbidden} rather than {@code not-found}.
     */
    @GET
    @Path("{id}/access")
    @APIResponse(responseCode = "204", description = "The caller is a member and may subscribe to room:{id}")
    @APIResponse(responseCode = "403", description = "The room exists; the caller is not a member")
    @APIResponse(responseCode = "404", description = "No such room")
    public void access(@PathParam("id") UUID id) {
        rooms.checkAccess(id, jwt.getSubject());
    }
}
