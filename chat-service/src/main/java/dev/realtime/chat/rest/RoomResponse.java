package dev.realtime.chat.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.Room;

/** A room as the REST API shows it. */
@Schema(name = "Room", requiredProperties = { "id", "name", "kind", "open", "fullHistory", "createdBy", "createdAt" })
public record RoomResponse(
        @Schema(format = "uuid") String id,
        String name,
        @Schema(enumeration = { "GROUP", "DIRECT", "BOOKING" }, description = "GROUP: made by a user; DIRECT: the one"
                + " conversation of two users; BOOKING: the room of a booking") String kind,
        @Schema(description = "whether any user may join it") boolean open,
        @Schema(description = "whether members see the messages from before they joined") boolean fullHistory,
        @Schema(description = "the JWT subject of the room's owner") String createdBy,
        Instant createdAt) {

    static RoomResponse of(Room room) {
        return new RoomResponse(room.id.toString(), room.name, room.kind.name(), room.open, room.fullHistory, room.createdBy, room.createdAt);
    }
}
