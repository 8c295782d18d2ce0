package dev.realtime.booking.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import dev.realtime.booking.model.BookingAction;
import dev.realtime.booking.model.BookingStatus;
import dev.realtime.booking.service.BookingService;
import dev.realtime.booking.service.Caller;
import dev.realtime.platform.problem.ProblemException;
import dev.realtime.platform.rest.IdempotencyKeys;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bookings. A booking that is not the caller's (and the caller no admin) is answered 404 like a missing one, so
 * that ids cannot be probed; a caller who may see a booking but not take an action on it gets 403.
 */
@Path("/bookings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
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

    /** Books seats on an open tour; the booking starts PENDING and UNPAID and {@code booking.created} is published. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Booked; the booking starts PENDING (or, for a repeated"
            + " Idempotency-Key, the booking the first call made)",
            headers = @Header(name = "Location", description = "the new booking's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such tour")
    @APIResponse(responseCode = "409", description = "The tour is not open, or has fewer seats left than asked for;"
            + " the problem's state member holds the tour's status and seatsLeft")
    public Response create(@Valid @NotNull CreateBookingRequest request,
            @Parameter(description = "makes a retry safe: sent again with the same key, the create answers with the"
                    + " booking the first call made instead of booking twice (a UUID is the usual key)")
            @HeaderParam(IdempotencyKeys.HEADER) @Pattern(regexp = IdempotencyKeys.PATTERN) String idempotencyKey) {
        Booking booking = bookings.create(jwt.getSubject(), request.tourId(), request.guests(), idempotencyKey);
        return Response.created(URI.create("/bookings/" + booking.id))
                .tag(ETags.of(booking.version))
                .entity(BookingResponse.of(booking))
                .build();
    }

    /** One booking, with its version as ETag. */
    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The booking", headers = @Header(name = "ETag",
            description = "its version", schema = @Schema(type = SchemaType.STRING)), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such booking, or not the caller's")
    public Response get(@PathParam("id") UUID id) {
        return withTag(bookings.get(id, caller()), Response.ok());
    }

    /**
     * Whether the caller may subscribe to {@code booking:{id}} on the gateway: its customer and admins may.
     * A booking that exists but is not the caller's is answered 404 like a missing one, the same as its read.
     */
    @GET
    @Path("{id}/access")
    @APIResponse(responseCode = "204", description = "The caller is the booking's customer or an admin")
    @APIResponse(responseCode = "404", description = "No such booking, or not the caller's")
    public void access(@PathParam("id") UUID id) {
        bookings.checkAccess(id, caller());
    }

    /** The caller's own bookings, newest first. */
    @GET
    @APIResponse(responseCode = "200", description = "The caller's bookings, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingPage.class)))
    public BookingPage mine(@QueryParam("tourId") UUID tourId, @QueryParam("status") BookingStatus status,
            @Valid @BeanParam PageParams paging) {
        return BookingPage.of(bookings.list(jwt.getSubject(), tourId, status, paging.page, paging.size));
    }

    /** Every customer's bookings, newest first: admins only. */
    @GET
    @Path("all")
    @APIResponse(responseCode = "200", description = "Bookings of every customer, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingPage.class)))
    @APIResponse(responseCode = "403", description = "The caller is no admin")
    public BookingPage all(@QueryParam("tourId") UUID tourId, @QueryParam("status") BookingStatus status,
            @Valid @BeanParam PageParams paging) {
        if (!caller().admin()) {
            throw ProblemException.forbidden("only an admin may list every booking");
        }
        return BookingPage.of(bookings.list(null, tourId, status, paging.page, paging.size));
    }

    /**
     * Takes a named action on a booking:
     * <ul>
     * <li>{@code confirm} (admin): PENDING to CONFIRMED;</li>
     * <li>{@code cancel} (its customer or an admin): PENDING or CONFIRMED to CANCELLED, and PAID to REFUNDED;</li>
     * <li>{@code complete} (admin): CONFIRMED to COMPLETED;</li>
     * <li>{@code pay} (its customer): UNPAID to PAID while PENDING or CONFIRMED; simulated, no provider is called;</li>
     * <li>{@code refund} (admin): PAID to REFUNDED; the status stays.</li>
     * </ul>
     */
    @POST
    @Path("{id}/{action}")
    @APIResponse(responseCode = "200", description = "The booking after the action", headers = @Header(name = "ETag",
            description = "its new version", schema = @Schema(type = SchemaType.STRING)), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "403", description = "The caller sees the booking but may not take this action")
    @APIResponse(responseCode = "404", description = "No such booking, or not the caller's; or no such action")
    @APIResponse(responseCode = "409", description = "The booking's state does not allow the action; the problem's"
            + " state member holds its status, paymentStatus and version")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response act(@PathParam("id") UUID id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "confirm", "cancel", "complete",
                    "pay", "refund" })) @PathParam("action") String action,
            @Parameter(description = ETags.IF_MATCH_DESCRIPTION)
            @HeaderParam(HttpHeaders.IF_MATCH) @Pattern(regexp = ETags.IF_MATCH_PATTERN) String ifMatch) {
        BookingAction named = Arrays.stream(BookingAction.values()).filter(a -> a.pathName().equals(action))
                .findFirst().orElseThrow(() -> ProblemException.notFound("action " + action));
        return withTag(bookings.act(id, named, caller(), ETags.expectedVersion(ifMatch)), Response.ok());
    }

    private static Response withTag(Booking booking, Response.ResponseBuilder response) {
        return response.tag(ETags.of(booking.version)).entity(BookingResponse.of(booking)).build();
    }

    private Caller caller() {
        return new Caller(jwt.getSubject(), identity.hasRole(config.adminRole()));
    }
}
