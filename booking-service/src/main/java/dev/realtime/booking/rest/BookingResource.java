package dev.realtime.booking.rest;

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

import dev.realtime.booking.config.BookingConfig;
import dev.realtime.booking.model.Booking;
import dev.realtime.booking.service.BookingService;
import dev.realtime.platform.rest.IdempotencyKeys;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/bookings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingResource {

    private final BookingService bookings;
    private final JsonWebToken jwt;
    private final SecurityIdentity identity;
    private final BookingConfig config;

    @Inject
    public BookingResource(BookingService bookings, JsonWebToken jwt, SecurityIdentity identity,
            BookingConfig config) {
        this.bookings = bookings;
        this.jwt = jwt;
        this.identity = identity;
        this.config = config;
    }

    /** Books a tour for the caller; the booking starts PENDING and {@code booking.created} is published. */
    @POST
    @APIResponse(responseCode = "201", description = "Booked; the booking starts PENDING (or, for a repeated"
            + " Idempotency-Key, the booking the first call made)",
            headers = @Header(name = "Location", description = "the new booking's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BookingResponse.class)))
    public Response create(@Valid @NotNull CreateBookingRequest request,
            @Parameter(description = "makes a retry safe: sent again with the same key, the create answers with the"
                    + " booking the first call made instead of booking twice (a UUID is the usual key)")
            @HeaderParam(IdempotencyKeys.HEADER) @Pattern(regexp = IdempotencyKeys.PATTERN) String idempotencyKey) {
        Booking booking = bookings.create(jwt.getSubject(), request.tourId(), request.startsOn(), request.guests(),
                idempotencyKey);
        return Response.created(URI.create("/bookings/" + booking.id))
                .entity(BookingResponse.of(booking))
                .build();
    }

    /** One booking: its owner and admins may read it; to anyone else it does not exist. */
    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such booking, or not the caller's")
    public BookingResponse get(@PathParam("id") UUID id) {
        return BookingResponse.of(bookings.get(id, jwt.getSubject(), identity.hasRole(config.adminRole())));
    }

    /** The caller's bookings, newest first. */
    @GET
    @APIResponse(responseCode = "200", description = "The caller's bookings, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BookingResponse.class)))
    public List<BookingResponse> mine() {
        return bookings.listOwnedBy(jwt.getSubject()).stream().map(BookingResponse::of).toList();
    }
}
