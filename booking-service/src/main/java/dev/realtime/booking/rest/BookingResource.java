package dev.realtime.booking.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.realtime.booking.config.BookingConfig;
import dev.realtime.booking.model.Booking;
import dev.realtime.booking.service.BookingService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/bookings")
@Authenticated
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
    public Response create(@Valid @NotNull CreateBookingRequest request) {
        Booking booking = bookings.create(jwt.getSubject(), request.tourId(), request.startsOn(), request.guests());
        return Response.created(URI.create("/bookings/" + booking.id))
                .entity(BookingResponse.of(booking))
                .build();
    }

    /** One booking: its owner and admins may read it; to anyone else it does not exist. */
    @GET
    @Path("{id}")
    public BookingResponse get(@PathParam("id") UUID id) {
        return BookingResponse.of(bookings.get(id, jwt.getSubject(), identity.hasRole(config.adminRole())));
    }

    /** The caller's bookings, newest first. */
    @GET
    public List<BookingResponse> mine() {
        return bookings.listOwnedBy(jwt.getSubject()).stream().map(BookingResponse::of).toList();
    }
}
