package dev.realtime.gateway.signals;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
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
import dev.realtime.platform.test.TestKafka;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Typing frames: to the room's other subscribers only, over gateway.signals, debounced, and ended by themselves. */
@QuarkusTest
@TestProfile(SignalsProfile.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ChatAccessStub.class)
class TypingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI http;

    @BeforeEach
    void ready() {
        Gateway.awaitReady();
    }

    @Test
    void typingReachesTheRoomsOtherSubscribersAndNeverTheTypist() {
        String room = Rooms.memberRoom();
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        try (GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), alice, "user");
                GatewaySocket bobSocket = Gateway.connect(Gateway.ws(http), bob, "user");
                GatewaySocket outsider = Gateway.connect(Gateway.ws(http), TestNames.unique("outsider"), "user")) {
            Rooms.subscribe(aliceSocket, room);
            Rooms.subscribe(bobSocket, room);

            aliceSocket.send(typing(room, "start"));
            JsonNode seen = bobSocket.awaitFrame(frame -> Rooms.is(frame, "typing", room, alice), WAIT,
                    "alice typing");
            assertEquals("{\"type\":\"typing\",\"room\":\"" + room + "\",\"user\":\"" + alice
                    + "\",\"state\":\"start\"}", seen.toString());

            // bob's typing is handled after alice's on the one signals thread: alice sees no typing of her own first
            bobSocket.send(typing(room, "start"));
            List<String> aliceFrames = aliceSocket.rawFramesUntil(frame -> Rooms.is(frame, "typing", room, bob), WAIT);
            assertTrue(aliceFrames.stream().noneMatch(raw -> raw.contains("\"typing\"") && raw.contains(alice)),
                    "alice got her own typing: " + aliceFrames);

            // the outsider is in no room: the next frame it gets is the answer to its ping
            outsider.send("{\"type\":\"ping\",\"id\":\"after\"}");
            assertEquals("pong", outsider.nextFrame(WAIT).path("type").asText());
        }
    }

    @Test
    void typingInARoomNotSubscribedIsRefusedAndABadStateIsABadFrame() {
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), TestNames.unique("stranger"), "user")) {
            client.send("{\"type\":\"typing\",\"id\":\"t-1\",\"room\":\"" + Rooms.memberRoom() + "\",\"state\":\"start\"}");
            JsonNode error = client.next("error", WAIT);
            assertEquals("not-subscribed", error.path("code").asText());
            assertEquals("t-1", error.path("id").asText());

            String room = Rooms.memberRoom();
            Rooms.subscribe(client, room);
            client.send("{\"type\":\"typing\",\"id\":\"t-2\",\"room\":\"" + room + "\",\"state\":\"dancing\"}");
            assertEquals("bad-frame", client.next("error", WAIT).path("code").asText());
            client.send("{\"type\":\"typing\",\"id\":\"t-3\",\"state\":\"start\"}");
            assertEquals("bad-frame", client.next("error", WAIT).path("code").asText());
        }
    }

    @Test
    void aStartFasterThanTheDebounceIsDroppedAndAStopAlwaysPasses() {
        String room = Rooms.memberRoom();
        String alice = TestNames.unique("alice");
        try (TopicReader signals = TopicReader.fromBeginning(Topics.GATEWAY_SIGNALS);
                GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), alice, "user");
                GatewaySocket bobSocket = Gateway.connect(Gateway.ws(http), TestNames.unique("bob"), "user")) {
            Rooms.subscribe(aliceSocket, room);
            Rooms.subscribe(bobSocket, room);
            long first = System.nanoTime();
            aliceSocket.send(typing(room, "start"));
            aliceSocket.send(typing(room, "start"));
            aliceSocket.send(typing(room, "stop"));
            aliceSocket.send(typing(room, "start"));
            aliceSocket.send("{\"type\":\"ping\",\"id\":\"sent\"}");
            aliceSocket.awaitFrame(frame -> "pong".equals(frame.path("type").asText()), WAIT, "pong");
            boolean withinDebounce = System.nanoTime() - first < SignalsProfile.TYPING_DEBOUNCE.toNanos();

            // a marker in the same room, on the same partition (the room id is the key), after alice's frames
            bobSocket.send(typing(room, "start"));
            signals.await(record -> TopicReader.value(record).contains("\"state\":\"start\"")
                    && TopicReader.value(record).contains(room) && !TopicReader.value(record).contains(alice), WAIT);
            List<String> states = signals.seen().stream()
                    .filter(record -> room.equals(record.key()))
                    .map(TopicReader::value)
                    .filter(value -> value.contains("\"user\":\"" + alice + "\""))
                    .map(value -> value.contains("\"start\"") ? "start" : "stop")
                    .toList();
            assertTrue(withinDebounce, "the four frames took longer than the debounce; the machine is too slow");
            assertEquals(List.of("start", "stop"), states, "alice's typing signals");

            List<String> bobFrames = bobSocket.rawFramesUntil(frame -> Rooms.is(frame, "typing", room, alice)
                    && "stop".equals(frame.path("state").asText()), WAIT);
            assertEquals(1, bobFrames.stream().filter(raw -> raw.contains("\"start\"")).count(),
                    "bob sees alice start once: " + bobFrames);
        }
    }

    @Test
    void aTypingStateThatIsNotRefreshedEndsWithAStopAfterTheTtl() {
        String room = Rooms.memberRoom();
        String alice = TestNames.unique("alice");
        try (GatewaySocket aliceSocket = Gateway.connect(Gateway.ws(http), alice, "user");
                GatewaySocket bobSocket = Gateway.connect(Gateway.ws(http), TestNames.unique("bob"), "user")) {
            Rooms.subscribe(aliceSocket, room);
            Rooms.subscribe(bobSocket, room);
            long sent = System.nanoTime();
            aliceSocket.send(typing(room, "start"));
            bobSocket.awaitFrame(frame -> Rooms.is(frame, "typing", room, alice), WAIT, "alice typing");

            JsonNode stop = bobSocket.awaitFrame(frame -> Rooms.is(frame, "typing", room, alice), WAIT,
                    "alice's typing ended");
            Duration after = Duration.ofNanos(System.nanoTime() - sent);
            assertEquals("stop", stop.path("state").asText(), "the frame after start: " + stop);
            assertFalse(after.compareTo(SignalsProfile.TYPING_TTL) < 0, "ended after " + after + ", before the TTL");
        }
    }

    @Test
    void typingFromAnotherReplicaReachesTheRoomHereAndEndsByItselfToo() {
        String room = Rooms.memberRoom();
        String carol = TestNames.unique("carol");
        try (OtherReplica other = new OtherReplica();
                GatewaySocket bobSocket = Gateway.connect(Gateway.ws(http), TestNames.unique("bob"), "user")) {
            Rooms.subscribe(bobSocket, room);
            other.typing(room, carol, "start");
            assertEquals("start", bobSocket.awaitFrame(frame -> Rooms.is(frame, "typing", room, carol), WAIT,
                    "carol typing on the other replica").path("state").asText());
            assertEquals("stop", bobSocket.awaitFrame(frame -> Rooms.is(frame, "typing", room, carol), WAIT,
                    "carol's typing ended").path("state").asText());
        }
    }

    @Test
    void theSignalsTopicKeepsItsRecordsOnlyBriefly() {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.GATEWAY_SIGNALS);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            await().atMost(WAIT).untilAsserted(() -> assertEquals("60000",
                    admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value()));
        }
    }

    private static String typing(String room, String state) {
        return "{\"type\":\"typing\",\"room\":\"" + room + "\",\"state\":\"" + state + "\"}";
    }
}
