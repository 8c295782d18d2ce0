package dev.realtime.chat.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.realtime.chat.config.ChatConfig;
import dev.realtime.chat.service.MembershipService;
import io.quarkus.security.Authenticated;

@Path("/rooms/{roomId}/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    /** A JWT subject as a channel can carry it: visible ASCII without a comma, as long as the column allows. */
    static final String USER_ID_PATTERN = "^[\\x21-\\x2B\\x2D-\\x7E]{1,64}$";

    private final MembershipService memberships;
    private final JsonWebToken jwt;
    private final ChatConfig config;

    @Inject
    public MemberResource(MembershipService memberships, JsonWebToken jwt, ChatConfig config) {
        this.memberships = memberships;
        this.jwt = jwt;
        this.config = config;
    }

    /** The members of a room, for its members. */
    @GET
    @APIResponse(responseCode = "200", description = "The room's members, in the order they joined", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MemberResponse.class)))
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public List<MemberResponse> list(@PathParam("roomId") UUID roomId) {
        return memberships.list(roomId, jwt.getSubject()).stream().map(MemberResponse::of).toList();
    }

    /**
     * Makes a user a member: the caller joining an open room (their own id), or the room's owner or an admin
     * adding anyone. {@code room.member-joined} or {@code room.member-added} is published, unless they already were.
     */
    @PUT
    @Path("{userId}")
    @APIResponse(responseCode = "200", description = "The membership (also when the user already was a member)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "403", description = "A closed room joined by a non-member, or someone else added by"
            + " a caller who is neither the room's owner nor an admin")
    @APIResponse(responseCode = "404", description = "No such room")
    @APIResponse(responseCode = "409", description = "A direct conversation, whose two members are fixed (type"
            + " .../direct-room)")
    public MemberResponse add(@PathParam("roomId") UUID roomId, @PathParam("userId") @Parameter(
            description = "the JWT subject of the user") @Pattern(regexp = USER_ID_PATTERN) String userId) {
        return MemberResponse.of(memberships.add(roomId, userId, actor()));
    }

    /**
     * Ends a membership: the caller leaving (their own id), or the room's owner or an admin removing a member.
     * {@code room.member-left} or {@code room.member-removed} is published, and its record revokes the user's
     * subscription to {@code room:{roomId}} on every gateway replica.
     */
    @DELETE
    @Path("{userId}")
    @APIResponse(responseCode = "204", description = "The user is no longer a member")
    @APIResponse(responseCode = "403", description = "Someone else removed by a caller who is neither the room's"
            + " owner nor an admin")
    @APIResponse(responseCode = "404", description = "No such room, or the user is not a member")
    @APIResponse(responseCode = "409", description = "The user is the room's owner, who stays (type .../owner-stays),"
            + " or the room is a direct conversation (type .../direct-room)")
    public void remove(@PathParam("roomId") UUID roomId, @PathParam("userId") @Parameter(
            description = "the JWT subject of the member") @Pattern(regexp = USER_ID_PATTERN) String userId) {
        memberships.remove(roomId, userId, actor());
    }

    /**
     * Mutes a member: their sends are refused (reason {@code muted}) until the time it answers; by the room's owner
     * or an admin. {@code room.member-muted} is published to the room and the member.
     */
    @PUT
    @Path("{userId}/mute")
    @APIResponse(responseCode = "200", description = "The membership, with mutedUntil", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither the room's owner nor an admin")
    @APIResponse(responseCode = "404", description = "No such room, or the user is not a member")
    public MemberResponse mute(@PathParam("roomId") UUID roomId, @PathParam("userId") @Parameter(
            description = "the JWT subject of the member") @Pattern(regexp = USER_ID_PATTERN) String userId,
            @Valid @NotNull MuteRequest request) {
        return MemberResponse.of(memberships.mute(roomId, userId, request.seconds(), actor()));
    }

    private MembershipService.Actor actor() {
        return new MembershipService.Actor(jwt.getSubject(), jwt.getGroups().contains(config.adminRole()));
    }
}
