package dev.realtime.gateway.authorization;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** booking-service's access check for {@code booking:} channels: 204 the customer or an admin, else 403 or 404. */
@RegisterRestClient(configKey = "booking-access")
@Path("/bookings")
public interface BookingAccessClient {

    @GET
    @Path("/{bookingId}/access")
    Uni<Response> access(@PathParam("bookingId") String bookingId, @HeaderParam("Authorization") String authorization);
}
