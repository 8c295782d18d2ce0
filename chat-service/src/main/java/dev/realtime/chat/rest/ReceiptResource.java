package dev.realtime.chat.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.realtime.chat.service.ReceiptService;
import io.quarkus.security.Authenticated;

@Path("/rooms/{roomId}/read")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    private final ReceiptService receipts;
    private final JsonWebToken jwt;

    @Inject
    public ReceiptResource(ReceiptService receipts, JsonWebToken jwt) {
        this.receipts = receipts;
        this.jwt = jwt;
    }

    /** The caller's receipt and unread count in the room. */
    @GET
    @APIResponse(responseCode = "200", description = "The caller's receipt", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptResponse.class)))
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public ReceiptResponse get(@PathParam("roomId") UUID roomId) {
        return ReceiptResponse.of(receipts.get(roomId, jwt.getSubject()));
    }

    /**
     * Marks the room read up to a seq, or entirely ({@code {}}); the receipt never moves back, and
     * {@code receipt.updated} goes to {@code room:{roomId}} when it moves forward.
     */
    @PUT
    @APIResponse(responseCode = "200", description = "The caller's receipt after the mark", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptResponse.class)))
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public ReceiptResponse mark(@PathParam("roomId") UUID roomId, @Valid @NotNull MarkReadRequest request) {
        return ReceiptResponse.of(receipts.markRead(roomId, jwt.getSubject(), request.seq()));
    }
}
