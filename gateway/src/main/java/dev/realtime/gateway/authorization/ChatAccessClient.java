package dev.realtime.gateway.authorization;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** chat-service's access check for {@code room:} channels: 204 a member, 403 not a member, 404 no such room. */
@RegisterRestClient(configKey = "chat-access")
@Path("/rooms")
public interface ChatAccessClient {

    @GET
    @Path("/{roomId}/access")
    Uni<Response> access(@PathParam("roomId") String roomId, @HeaderParam("Authorization") String authorization);
}
