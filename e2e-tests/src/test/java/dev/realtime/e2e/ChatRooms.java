package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.ApiClient;
import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.Service;

/**
 * Rooms with real members in chat-service, and their subscriptions on the gateway, for the typing and presence
 * and chat tests. Membership is chat-service's: {@code POST /rooms} (the caller is the owner and a member) and
 * {@code PUT /rooms/{id}/members/{userId}} by the owner; the gateway asks {@code GET /rooms/{id}/access} on
 * subscribe.
 */
final class ChatRooms {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Suite suite;

    ChatRooms(Suite suite) {
        this.suite = suite;
    }

    /** A new room of {@code owner} with {@code members} added by the owner. */
    String roomOf(Suite.User owner, Suite.User... members) {
        String room = suite.api.post(suite.stack.baseUri(Service.CHAT).resolve("/rooms"),
                Map.of("name", "signals " + owner.username()), owner.token()).expect(201).json().path("id").asText();
        for (Suite.User member : members) {
            suite.api.put(suite.stack.baseUri(Service.CHAT).resolve("/rooms/" + room + "/members/" + member.id()),
                    owner.token()).expect(200);
        }
        return room;
    }

    /** A connection of the user to a gateway replica (from 1), past its welcome, subscribed to the room. */
    GatewaySocket connectTo(String room, Suite.User user, int replica) {
        GatewaySocket socket = suite.connect(user, replica);
        suite.welcome(socket, user);
        subscribe(socket, room);
        return socket;
    }

    /** Subscribes to {@code room:{id}} and waits for the ack, skipping the ephemeral frames before it. */
    static void subscribe(GatewaySocket socket, String room) {
        String id = "sub-" + room;
        socket.send("{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"channel\":\"room:" + room + "\"}");
        JsonNode answer = socket.awaitFrame(frame -> id.equals(frame.path("id").asText()), WAIT,
                "the answer to subscribe " + id);
        assertEquals("subscribed", answer.path("type").asText(), socket.name() + " subscribing: " + answer);
    }

    /** Whether a frame is of this type, about this room and user. */
    static boolean is(JsonNode frame, String type, String room, String user) {
        return type.equals(frame.path("type").asText()) && room.equals(frame.path("room").asText())
                && user.equals(frame.path("user").asText());
    }

    /** The user's status in the answer to a presence query for the room, or null if not online there. */
    static String presenceOf(GatewaySocket socket, String room, String user) {
        String id = "p-" + System.nanoTime();
        socket.send("{\"type\":\"presence\",\"id\":\"" + id + "\",\"room\":\"" + room + "\"}");
        JsonNode answer = socket.awaitFrame(frame -> id.equals(frame.path("id").asText()), WAIT, "presence " + id);
        assertEquals("presence", answer.path("type").asText(), "answer: " + answer);
        for (JsonNode member : answer.path("users")) {
            if (user.equals(member.path("user").asText())) {
                return member.path("status").asText();
            }
        }
        return null;
    }
}
