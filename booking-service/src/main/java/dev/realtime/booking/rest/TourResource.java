package dev.realtime.booking.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import dev.realtime.booking.model.Tour;
import dev.realtime.booking.model.TourStatus;
import dev.realtime.booking.service.Caller;
import dev.realtime.booking.service.PageOf;
import dev.realtime.booking.service.TourService;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Tours: every signed-in user lists and reads them; admins create and change them. */
@Path("/tours")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TourResource {

    private final TourService tours;
    private final JsonWebToken jwt;
    private final SecurityIdentity identity;
    private final BookingConfig config;

    @Inject
    public TourResource(TourService tours, JsonWebToken jwt, SecurityIdentity identity, BookingConfig config) {
        this.tours = tours;
        this.jwt = jwt;
        this.identity = identity;
        this.config = config;
    }

    /** Admin: a new tour, OPEN; {@code tour.created} goes to everyone. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created, OPEN",
            headers = @Header(name = "Location", description = "the new tour's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TourResponse.class)))
    @APIResponse(responseCode = "403", description = "The caller is no admin")
    public Response create(@Valid @NotNull TourRequest request) {
        Tour tour = tours.create(request.details(), caller());
        return Response.created(URI.create("/tours/" + tour.id)).tag(ETags.of(tour.version))
                .entity(TourResponse.of(tour, tour.capacity)).build();
    }

    /** Tours by first day, optionally those whose name or description contains {@code q}, or of one status. */
    @GET
    @APIResponse(responseCode = "200", description = "Tours by first day", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourPage.class)))
    public TourPage list(
            @Parameter(description = "text the name or description contains, any case")
            @QueryParam("q") @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String text,
            @QueryParam("status") TourStatus status,
            @Valid @BeanParam PageParams paging) {
        PageOf<Tour> found = tours.list(text, status, paging.page, paging.size);
        Map<UUID, Long> left = tours.seatsLeft(found.items());
        List<TourResponse> items = found.items().stream().map(tour -> TourResponse.of(tour, left.get(tour.id)))
                .toList();
        return new TourPage(items, found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The tour", headers = @Header(name = "ETag",
            description = "its version", schema = @Schema(type = SchemaType.STRING)), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        return answer(tours.get(id));
    }

    /** Admin: new details; the capacity cannot drop below the seats booked. Its customers are told. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The tour after the change", headers = @Header(name = "ETag",
            description = "its new version", schema = @Schema(type = SchemaType.STRING)), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourResponse.class)))
    @APIResponse(responseCode = "403", description = "The caller is no admin")
    @APIResponse(responseCode = "409", description = "The tour's state does not allow the change; the problem's state"
            + " member holds its status and version")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull TourRequest request,
            @Parameter(description = ETags.IF_MATCH_DESCRIPTION)
            @HeaderParam(HttpHeaders.IF_MATCH) @Pattern(regexp = ETags.IF_MATCH_PATTERN) String ifMatch) {
        return answer(tours.update(id, request.details(), caller(), ETags.expectedVersion(ifMatch)));
    }

    /**
     * Admin: {@code close} (OPEN to CLOSED: no new bookings), {@code open} (CLOSED to OPEN), {@code cancel} (to
     * CANCELLED, for good: its pending and confirmed bookings are cancelled, paid ones refunded, each customer told).
     */
    @POST
    @Path("{id}/{action}")
    @APIResponse(responseCode = "200", description = "The tour after the change", headers = @Header(name = "ETag",
            description = "its new version", schema = @Schema(type = SchemaType.STRING)), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourResponse.class)))
    @APIResponse(responseCode = "403", description = "The caller is no admin")
    @APIResponse(responseCode = "409", description = "The tour's state does not allow the change; the problem's state"
            + " member holds its status and version")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response act(@PathParam("id") UUID id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "close", "open", "cancel" }))
            @PathParam("action") String action,
            @Parameter(description = ETags.IF_MATCH_DESCRIPTION)
            @HeaderParam(HttpHeaders.IF_MATCH) @Pattern(regexp = ETags.IF_MATCH_PATTERN) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        Caller caller = caller();
        return answer(switch (action) {
            case "close" -> tours.close(id, caller, expected);
            case "open" -> tours.open(id, caller, expected);
            case "cancel" -> tours.cancel(id, caller, expected);
            default -> throw ProblemException.notFound("action " + action);
        });
    }

    private Response answer(Tour tour) {
        return Response.ok(TourResponse.of(tour, tours.seatsLeft(List.of(tour)).get(tour.id)))
                .tag(ETags.of(tour.version)).build();
    }

    private Caller caller() {
        return new Caller(jwt.getSubject(), identity.hasRole(config.adminRole()));
    }
}
