package dev.realtime.chat.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
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

import dev.realtime.chat.model.Reaction;
import dev.realtime.chat.service.ReactionService;
import io.quarkus.security.Authenticated;

@Path("/rooms/{roomId}/messages/{messageId}/reactions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReactionResource {

    private final ReactionService reactions;
    private final JsonWebToken jwt;

    @Inject
    public ReactionResource(ReactionService reactions, JsonWebToken jwt) {
        this.reactions = reactions;
        this.jwt = jwt;
    }

    /** Every reaction to the message, oldest first. */
    @GET
    @APIResponse(responseCode = "200", description = "The reactions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReactionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such message or room, or the caller is not a member")
    public List<ReactionResponse> list(@PathParam("roomId") UUID roomId, @PathParam("messageId") UUID messageId) {
        return reactions.list(roomId, messageId, jwt.getSubject()).stream().map(ReactionResponse::of).toList();
    }

    /** Adds the caller's reaction with this emoji; {@code reaction.added} goes to the room unless it was there. */
    @PUT
    @Path("{emoji}")
    @APIResponse(responseCode = "200", description = "The reaction", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReactionResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an emoji: whitespace, a control character or a comma"
            + " (type .../invalid-emoji)")
    @APIResponse(responseCode = "404", description = "No such message or room, or the caller is not a member")
    @APIResponse(responseCode = "409", description = "The message is deleted (type .../message-deleted)")
    public ReactionResponse add(@PathParam("roomId") UUID roomId, @PathParam("messageId") UUID messageId,
            @PathParam("emoji") @Parameter(description = "the emoji, percent-encoded UTF-8") @Size(min = 1,
                    max = Reaction.MAX_EMOJI_LENGTH) String emoji) {
        return ReactionResponse.of(reactions.add(roomId, messageId, jwt.getSubject(), emoji));
    }

    /** Removes the caller's reaction; {@code reaction.removed} goes to the room if it was there. */
    @DELETE
    @Path("{emoji}")
    @APIResponse(responseCode = "204", description = "The caller has no such reaction (any more)")
    @APIResponse(responseCode = "404", description = "No such message or room, or the caller is not a member")
    public void remove(@PathParam("roomId") UUID roomId, @PathParam("messageId") UUID messageId,
            @PathParam("emoji") @Parameter(description = "the emoji, percent-encoded UTF-8") @Size(min = 1,
                    max = Reaction.MAX_EMOJI_LENGTH) String emoji) {
        reactions.remove(roomId, messageId, jwt.getSubject(), emoji);
    }
}
