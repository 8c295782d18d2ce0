package dev.realtime.chat.event;

import java.time.Instant;

import dev.realtime.chat.model.Room;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of a room event: the room as it is after the change. */
@RegisterForReflection
public record RoomData(String id, String name, String kind, boolean open, boolean fullHistory, String createdBy, Instant createdAt) {

    public static RoomData of(Room room) {
        return new RoomData(room.id.toString(), room.name, room.kind.name(), room.open, room.fullHistory, room.createdBy, room.createdAt);
    }
}
