package dev.realtime.chat.rest;

import java.time.Instant;

import dev.realtime.chat.model.Room;

/** A room as the REST API shows it. */
public record RoomResponse(String id, String name, String createdBy, Instant createdAt) {

    static RoomResponse of(Room room) {
        return new RoomResponse(room.id.toString(), room.name, room.createdBy, room.createdAt);
    }
}
