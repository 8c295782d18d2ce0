package dev.realtime.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.platform.test.TestNames;

/** Room subscriptions over the socket, against {@link ChatAccessStub}. */
public final class Rooms {

    private Rooms() {
    }

    /** A fresh room id every caller may subscribe to. */
    public static String memberRoom() {
        return TestNames.unique(ChatAccessStub.MEMBER_PREFIX + "room");
    }

    /** Subscribes to {@code room:{id}} and waits for the ack, skipping ephemeral frames before it. */
    public static void subscribe(GatewaySocket client, String room) {
        String id = TestNames.unique("sub");
        client.send("{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"channel\":\"room:" + room + "\"}");
        JsonNode answer = client.awaitFrame(frame -> id.equals(frame.path("id").asText()), GatewaySocket.DEFAULT_TIMEOUT,
                "the answer to subscribe " + id);
        assertEquals("subscribed", answer.path("type").asText(), "subscribe to room:" + room + ": " + answer);
    }

    /** Whether a frame is of this type, about this room and user. */
    public static boolean is(JsonNode frame, String type, String room, String user) {
        return type.equals(frame.path("type").asText()) && room.equals(frame.path("room").asText())
                && user.equals(frame.path("user").asText());
    }
}
