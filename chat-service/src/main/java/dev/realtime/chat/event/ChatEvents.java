package dev.realtime.chat.event;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.chat.config.ChatConfig;
import dev.realtime.chat.model.Room;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Writes chat events to the outbox; room events go to the room's channel and to each member concerned. */
@ApplicationScoped
public class ChatEvents {

    public static final String SOURCE = "chat-service";
    public static final String ROOM_CREATED = "room.created";

    private final Outbox outbox;
    private final ChatConfig config;

    @Inject
    public ChatEvents(Outbox outbox, ChatConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Must run in the transaction that inserted the room. */
    public void roomCreated(Room room) {
        EventEnvelope event = EventEnvelope.of(ROOM_CREATED, SOURCE, room.id.toString(), RoomData.of(room));
        outbox.publish(config.topic(), event, List.of(Channels.user(room.createdBy), Channels.room(room.id.toString())));
    }

    /** The {@code data} of a room event. */
    @RegisterForReflection
    public record RoomData(String id, String name, String createdBy, Instant createdAt) {

        static RoomData of(Room room) {
            return new RoomData(room.id.toString(), room.name, room.createdBy, room.createdAt);
        }
    }
}
