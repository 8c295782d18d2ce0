package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Service;

/**
 * Chat through the gateway with the real chat-service, members on two replicas: a message sent over either
 * socket is stored and reaches both with the sender taken from the token, whatever the frame claims; a member
 * removed over REST stops receiving the room on her replica at once, without reconnecting.
 */
@ExtendWith(LocalStackExtension.class)
class ChatAcrossReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void membersOnBothReplicasGetEachOthersMessagesWithTheRealSender(LocalStack stack) {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");
        Suite.User bob = suite.register("bob");
        ChatRooms rooms = new ChatRooms(suite);
        String room = rooms.roomOf(alice, bob);
        try (GatewaySocket onA = rooms.connectTo(room, alice, 1); GatewaySocket onB = rooms.connectTo(room, bob, 2)) {
            onA.send("{\"type\":\"send\",\"id\":\"s-1\",\"room\":\"" + room + "\",\"clientMessageId\":\"a-1\","
                    + "\"body\":\"hi from A\",\"senderId\":\"" + bob.id() + "\"}");
            assertEquals("a-1", onA.awaitFrame(f -> "s-1".equals(f.path("id").asText()), WAIT, "sent").path("clientMessageId").asText());
            for (GatewaySocket socket : List.of(onA, onB)) {
                JsonNode message = posted(socket, "a-1");
                assertEquals(alice.id(), message.path("senderId").asText(), socket.name() + ": the stamped sender");
                assertEquals("hi from A", message.path("body").asText());
            }
            onB.send("{\"type\":\"send\",\"id\":\"s-2\",\"room\":\"" + room + "\",\"clientMessageId\":\"b-1\",\"body\":\"hi from B\"}");
            for (GatewaySocket socket : List.of(onA, onB)) {
                assertEquals(bob.id(), posted(socket, "b-1").path("senderId").asText(), socket.name());
            }
        }
    }

    @Test
    void aRemovedMemberStopsReceivingTheRoomWithoutReconnecting(LocalStack stack) {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("owner");
        Suite.User bob = suite.register("removed");
        ChatRooms rooms = new ChatRooms(suite);
        String room = rooms.roomOf(alice, bob);
        try (GatewaySocket onA = rooms.connectTo(room, alice, 1); GatewaySocket onB = rooms.connectTo(room, bob, 2)) {
            suite.api.delete(stack.baseUri(Service.CHAT).resolve("/rooms/" + room + "/members/" + bob.id()),
                    alice.token()).expect(204);
            JsonNode revoked = onB.awaitFrame(f -> "unsubscribed".equals(f.path("type").asText()), WAIT, "the revocation");
            assertEquals("revoked", revoked.path("reason").asText(), revoked.toString());
            assertEquals("room:" + room, revoked.path("channel").asText());

            onA.send("{\"type\":\"send\",\"id\":\"s-3\",\"room\":\"" + room + "\",\"clientMessageId\":\"after\",\"body\":\"not for bob\"}");
            posted(onA, "after");
            // a marker behind it in the room's partition that reaches bob through his own channel: added back
            suite.api.put(stack.baseUri(Service.CHAT).resolve("/rooms/" + room + "/members/" + bob.id()),
                    alice.token()).expect(200);
            List<String> frames = onB.rawFramesUntil(f -> f.path("event").path("type").asText().startsWith("room.member-")
                    && f.path("event").path("type").asText().endsWith("added"), WAIT);
            frames.forEach(raw -> assertEquals(false, raw.contains("not for bob"), "bob got the room after removal: " + raw));
        }
    }

    /** The message.posted event of this client message id, as it arrives on a socket. */
    private static JsonNode posted(GatewaySocket socket, String clientMessageId) {
        return socket.awaitEvent(event -> "message.posted".equals(event.path("type").asText())
                && clientMessageId.equals(event.path("data").path("clientMessageId").asText()), WAIT,
                "message.posted " + clientMessageId).path("event").path("data");
    }
}
