package dev.realtime.gateway.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.ChatAccessStub;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.gateway.support.OtherReplica;
import dev.realtime.gateway.support.Rooms;
import dev.realtime.gateway.support.SignalsProfile;
import dev.realtime.platform.event.Topics;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Presence: the query, join and leave events, statuses, heartbeats, and the users of another replica (played by the
 * test on gateway.signals) going offline when it says so or when its heartbeats stop.
 */
@QuarkusTest
@TestProfile(SignalsProfile.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ChatAccessStub.class)
class PresenceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI http;

    @BeforeEach
    void ready() {
        Gateway.awaitReady();
    }

    @Test
    void theQueryListsTheRoomsOnlineMembersAndNeedsASubscription() {
        String room = Rooms.memberRoom();
        String alice = "a-" + TestNames.unique("alice");
        String bob = "b-" + TestNames.unique("bob");
        try (GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), alice, "user");
                GatewaySocket bobSocket = Gateway.connect(Gateway.ws(http), bob, "user");
                GatewaySocket elsewhere = Gateway.connect(Gateway.ws(http), TestNames.unique("elsewhere"), "user")) {
            Rooms.subscribe(aliceSocket, room);
            Rooms.subscribe(bobSocket, room);
            Rooms.subscribe(elsewhere, Rooms.memberRoom());

            JsonNode answer = query(aliceSocket, "q-1", room);
            assertEquals("{\"type\":\"presence\",\"id\":\"q-1\",\"room\":\"" + room + "\",\"users\":[{\"user\":\""
                    + alice + "\",\"status\":\"online\"},{\"user\":\"" + bob + "\",\"status\":\"online\"}]}",
                    answer.toString());

            elsewhere.send("{\"type\":\"presence\",\"id\":\"q-2\",\"room\":\"" + room + "\"}");
            JsonNode refused = elsewhere.awaitFrame(frame -> "q-2".equals(frame.path("id").asText()), WAIT, "answer");
            assertEquals("error", refused.path("type").asText());
            assertEquals("not-subscribed", refused.path("code").asText());
        }
    }

    @Test
    void membersSeeOthersJoinAndLeaveTheRoom() {
        String room = Rooms.memberRoom();
        String bob = TestNames.unique("bob");
        try (TopicReader signals = TopicReader.fromBeginning(Topics.GATEWAY_SIGNALS);
                GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), TestNames.unique("alice"), "user")) {
            Rooms.subscribe(aliceSocket, room);
            GatewaySocket bobSocket = Gateway.connect(Gateway.ws(http), bob, "user");
            try {
                Rooms.subscribe(bobSocket, room);
                assertEquals("online", changed(aliceSocket, room, bob));

                bobSocket.send("{\"type\":\"unsubscribe\",\"id\":\"u-1\",\"channel\":\"room:" + room + "\"}");
                assertEquals("offline", changed(aliceSocket, room, bob));

                Rooms.subscribe(bobSocket, room);
                assertEquals("online", changed(aliceSocket, room, bob));
            } finally {
                bobSocket.close();
            }
            assertEquals("offline", changed(aliceSocket, room, bob), "bob's last socket closed");

            // and the other replicas were told at once, not at the next heartbeat
            signals.await(record -> TopicReader.value(record).contains("\"kind\":\"presence\"")
                    && TopicReader.value(record).contains("\"user\":\"" + bob + "\"")
                    && TopicReader.value(record).contains("\"status\":\"offline\""), WAIT);
        }
    }

    @Test
    void aStatusIsAckedSeenByTheRoomAndKeptForTheUsersNextConnection() {
        String room = Rooms.memberRoom();
        String bob = TestNames.unique("bob");
        try (GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), TestNames.unique("alice"), "user");
                GatewaySocket bobSocket = Gateway.connect(Gateway.ws(http), bob, "user")) {
            Rooms.subscribe(aliceSocket, room);
            Rooms.subscribe(bobSocket, room);
            assertEquals("online", changed(aliceSocket, room, bob));

            bobSocket.send("{\"type\":\"status\",\"id\":\"s-1\",\"status\":\"busy\"}");
            assertEquals("{\"type\":\"status-set\",\"id\":\"s-1\",\"status\":\"busy\"}",
                    bobSocket.awaitFrame(frame -> "s-1".equals(frame.path("id").asText()), WAIT, "ack").toString());
            assertEquals("busy", changed(aliceSocket, room, bob));
            assertEquals("busy", statusOf(query(aliceSocket, "q-1", room), bob));

            try (GatewaySocket bobAgain = Gateway.connect(Gateway.ws(http), bob, "user")) {
                Rooms.subscribe(bobAgain, room);
                assertEquals("busy", statusOf(query(bobAgain, "q-2", room), bob), "bob's second connection");
            }

            bobSocket.send("{\"type\":\"status\",\"id\":\"s-2\",\"status\":\"offline\"}");
            JsonNode refused = bobSocket.awaitFrame(frame -> "s-2".equals(frame.path("id").asText()), WAIT, "answer");
            assertEquals("bad-frame", refused.path("code").asText(), "offline is seen, never set: " + refused);
        }
    }

    @Test
    void usersOfAnotherReplicaAreOnlineUntilItSaysOtherwiseOrItsHeartbeatsStop() {
        String room = Rooms.memberRoom();
        String carol = TestNames.unique("carol");
        String dave = TestNames.unique("dave");
        try (OtherReplica other = new OtherReplica();
                GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), TestNames.unique("alice"), "user")) {
            Rooms.subscribe(aliceSocket, room);

            other.heartbeat(dave, "online", room);
            assertEquals("online", changed(aliceSocket, room, dave));
            long said = System.nanoTime();
            other.offline(dave);
            assertEquals("offline", changed(aliceSocket, room, dave));
            Duration told = Duration.ofNanos(System.nanoTime() - said);
            assertTrue(told.compareTo(SignalsProfile.PRESENCE_TTL) < 0, "dave offline after " + told + ": not told");

            other.heartbeat(carol, "away", room);
            long lastHeartbeat = System.nanoTime();
            assertEquals("away", changed(aliceSocket, room, carol));
            assertEquals("away", statusOf(query(aliceSocket, "q-1", room), carol));

            // the replica goes silent, as one killed with SIGKILL does
            assertEquals("offline", changed(aliceSocket, room, carol));
            Duration silent = Duration.ofNanos(System.nanoTime() - lastHeartbeat);
            assertTrue(silent.compareTo(SignalsProfile.PRESENCE_TTL) >= 0, "carol offline after only " + silent);
            assertTrue(silent.compareTo(SignalsProfile.PRESENCE_TTL.plusSeconds(2)) < 0, "carol offline after " + silent);
            assertEquals(null, statusOf(query(aliceSocket, "q-2", room), carol));
        }
    }

    @Test
    void heartbeatsNameEveryOnlineUserWithStatusAndRooms() {
        String room = Rooms.memberRoom();
        String alice = TestNames.unique("alice");
        try (TopicReader signals = TopicReader.fromBeginning(Topics.GATEWAY_SIGNALS);
                GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), alice, "user")) {
            Rooms.subscribe(aliceSocket, room);
            String heartbeat = TopicReader.value(signals.await(record -> {
                String value = TopicReader.value(record);
                return value.contains("\"kind\":\"heartbeat\"") && value.contains("\"user\":\"" + alice + "\"")
                        && value.contains("\"rooms\":[\"" + room + "\"]");
            }, WAIT));
            assertTrue(heartbeat.contains("\"figures\":{\"connections\":"), "heartbeat with figures: " + heartbeat);
        }
    }

    private static JsonNode query(GatewaySocket client, String id, String room) {
        client.send("{\"type\":\"presence\",\"id\":\"" + id + "\",\"room\":\"" + room + "\"}");
        JsonNode answer = client.awaitFrame(frame -> id.equals(frame.path("id").asText()), WAIT, "presence " + id);
        assertEquals("presence", answer.path("type").asText(), "answer: " + answer);
        return answer;
    }

    /** The user's status in a presence answer, or null if not there. */
    private static String statusOf(JsonNode answer, String user) {
        List<String> found = new ArrayList<>();
        for (JsonNode member : answer.path("users")) {
            if (user.equals(member.path("user").asText())) {
                found.add(member.path("status").asText());
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The status of the next presence-changed frame about this user in this room. */
    private static String changed(GatewaySocket client, String room, String user) {
        return client.awaitFrame(frame -> Rooms.is(frame, "presence-changed", room, user), WAIT,
                "presence-changed of " + user).path("status").asText();
    }
}
