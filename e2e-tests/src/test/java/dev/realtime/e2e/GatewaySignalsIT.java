package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;

/**
 * Typing and presence across the two gateway replicas, through gateway.signals, with real room members in
 * chat-service.
 */
@ExtendWith(LocalStackExtension.class)
class GatewaySignalsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void typingOnOneReplicaReachesTheRoomOnTheOtherAndNeverTheTypist(LocalStack stack) {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");
        Suite.User bob = suite.register("bob");
        ChatRooms rooms = new ChatRooms(suite);
        String room = rooms.roomOf(alice, bob);

        try (GatewaySocket aliceOnFirst = rooms.connectTo(room, alice, 1);
                GatewaySocket bobOnSecond = rooms.connectTo(room, bob, 2)) {

            aliceOnFirst.send("{\"type\":\"typing\",\"room\":\"" + room + "\",\"state\":\"start\"}");
            bobOnSecond.awaitFrame(frame -> ChatRooms.is(frame, "typing", room, alice.id())
                    && "start".equals(frame.path("state").asText()), WAIT, "alice typing, seen on replica 2");

            // bob's typing comes after alice's: alice has had every frame of her own typing she would ever get
            bobOnSecond.send("{\"type\":\"typing\",\"room\":\"" + room + "\",\"state\":\"start\"}");
            List<String> aliceFrames = aliceOnFirst.rawFramesUntil(
                    frame -> ChatRooms.is(frame, "typing", room, bob.id()), WAIT);
            assertTrue(aliceFrames.stream().noneMatch(raw -> raw.contains("\"typing\"") && raw.contains(alice.id())),
                    "alice got her own typing: " + aliceFrames);
        }
    }

    @Test
    void aUserOnOneReplicaIsSeenOnlineFromTheOtherAndOfflineAfterDisconnecting(LocalStack stack) {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");
        Suite.User bob = suite.register("bob");
        ChatRooms rooms = new ChatRooms(suite);
        String room = rooms.roomOf(alice, bob);

        try (GatewaySocket aliceOnFirst = rooms.connectTo(room, alice, 1)) {
            try (GatewaySocket bobOnSecond = rooms.connectTo(room, bob, 2)) {
                aliceOnFirst.awaitFrame(frame -> ChatRooms.is(frame, "presence-changed", room, bob.id())
                        && "online".equals(frame.path("status").asText()), WAIT, "bob online");
                assertEquals("online", ChatRooms.presenceOf(aliceOnFirst, room, bob.id()));

                bobOnSecond.send("{\"type\":\"status\",\"id\":\"s-1\",\"status\":\"busy\"}");
                bobOnSecond.awaitFrame(frame -> "status-set".equals(frame.path("type").asText()), WAIT, "status-set");
                aliceOnFirst.awaitFrame(frame -> ChatRooms.is(frame, "presence-changed", room, bob.id())
                        && "busy".equals(frame.path("status").asText()), WAIT, "bob busy");
            }
            aliceOnFirst.awaitFrame(frame -> ChatRooms.is(frame, "presence-changed", room, bob.id())
                    && "offline".equals(frame.path("status").asText()), WAIT, "bob offline after disconnecting");
            assertEquals(null, ChatRooms.presenceOf(aliceOnFirst, room, bob.id()));
        }
    }
}
