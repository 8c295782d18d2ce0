package dev.realtime.chat.event;

import java.util.List;

import dev.realtime.chat.model.Room;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.Topics;

/**
 * The events chat-service publishes and where the gateway delivers them. Written in the transaction of the
 * change: {@code outbox.publish(ChatEvents.TOPIC, ChatEvents.roomCreated(room), ChatEvents.channels(room))}.
 */
public final class ChatEvents {

    /** Declared in {@code rt.kafka.topics} so the relay creates it. */
    public static final String TOPIC = Topics.CHAT_EVENTS;
    public static final String SOURCE = "chat-service";
    public static final String ROOM_CREATED = "room.created";

    private ChatEvents() {
    }

    public static EventEnvelope roomCreated(Room room) {
        return EventEnvelope.of(ROOM_CREATED, SOURCE, room.id.toString(), RoomData.of(room));
    }

    /** A room's events go to the room's channel and to its creator. */
    public static List<String> channels(Room room) {
        return List.of(Channels.user(room.createdBy), Channels.room(room.id.toString()));
    }
}
