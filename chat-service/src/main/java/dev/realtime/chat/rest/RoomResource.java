package dev.realtime.chat.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.realtime.chat.model.Room;
import dev.realtime.chat.service.RoomService;
import io.quarkus.security.Authenticated;

@Path("/rooms")
@Authenticated
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
    public Response create(@Valid @NotNull CreateRoomRequest request) {
        Room room = rooms.create(jwt.getSubject(), request.name());
        return Response.created(URI.create("/rooms/" + room.id)).entity(RoomResponse.of(room)).build();
    }

    /** The rooms the caller is a member of, newest first. */
    @GET
    public List<RoomResponse> mine() {
        return rooms.listForMember(jwt.getSubject()).stream().map(RoomResponse::of).toList();
    }
}
