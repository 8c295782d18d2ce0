package dev.realtime.gateway.subscription;

import static dev.realtime.gateway.support.DeliveryRecords.eventId;
import static dev.realtime.gateway.support.DeliveryRecords.eventIds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.AccessStub;
import dev.realtime.gateway.support.DeliveryRecords;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import dev.realtime.platform.test.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Subscriptions the owning service decides, their refusals with stable codes, revocation without a reconnect, and
 * chat send with the sender stamped from the token.
 * <p>
 * To show that a record did NOT reach a connection, a later record on the same partition is sent to it as a
 * marker: one partition is delivered in order, so had the first been sent, it would have arrived first.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(AccessStub.class)
class SubscriptionTest {

    private static final String TOPIC = "chat.events";
    private static final Duration TIMEOUT = GatewaySocket.DEFAULT_TIMEOUT;
    private static TopicWriter writer;

    @TestHTTPResource("/ws")
    URI http;

    @BeforeAll
    static void openWriter() {
        writer = TopicWriter.open();
    }

    @AfterAll
    static void closeWriter() {
        writer.close();
    }

    @BeforeEach
    void awaitReady() {
        Gateway.awaitReady();
    }

    @Test
    void aMemberSubscribesToARoomAndReceivesItsEvents() {
        String alice = TestNames.unique("alice");
        String room = TestNames.unique("room");
        AccessStub.allow("rooms/" + room, alice);
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), alice, "user")) {
            JsonNode subscribed = subscribe(client, "s-1", "room:" + room);
            assertEquals("subscribed", subscribed.path("type").asText(), subscribed.toString());
            assertEquals("s-1", subscribed.path("id").asText());
            assertEquals("room:" + room, subscribed.path("channel").asText());

            String id = DeliveryRecords.send(writer, TOPIC, 0, "room:" + room).id();
            assertEquals(id, eventId(client.nextEvent(TIMEOUT)));
        }
    }

    @Test
    void channelsTheUserMayNotHaveAreRefusedWithTheirCodes() {
        String alice = TestNames.unique("alice");
        String theirs = TestNames.unique("room");
        String booking = TestNames.unique("booking");
        AccessStub.allow("rooms/" + theirs, "bob");
        AccessStub.allow("bookings/" + booking, "bob");
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), alice, "user")) {
            assertRefused(client, "user:bob", "forbidden");
            assertRefused(client, "role:admin", "forbidden");
            assertRefused(client, "room:" + theirs, "forbidden");
            assertRefused(client, "booking:" + booking, "forbidden");
            assertRefused(client, "room:" + TestNames.unique("nowhere"), "not-found");
            assertRefused(client, "teleport:1", "unknown-channel");
            assertRefused(client, "room:bad/id", "unknown-channel");

            // its own channels are acked, not refused
            assertEquals("subscribed", subscribe(client, "own", "user:" + alice).path("type").asText());
        }
    }

    @Test
    void aRevokedMemberStopsReceivingTheRoomWithoutReconnecting() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String room = TestNames.unique("room");
        AccessStub.allow("rooms/" + room, alice, bob);
        try (GatewaySocket aliceClient = Gateway.connect(Gateway.ws(http), alice, "user");
                GatewaySocket bobClient = Gateway.connect(Gateway.ws(http), bob, "user")) {
            subscribe(aliceClient, "a", "room:" + room);
            subscribe(bobClient, "b", "room:" + room);

            AccessStub.deny("rooms/" + room, alice);
            String removal = UUID.randomUUID().toString();
            writer.to(TOPIC).partition(1).key(room)
                    .header(EventHeaders.CHANNELS, "room:" + room + ",user:" + alice)
                    .header(EventHeaders.REVOKE, "room:" + room)
                    .header(EventHeaders.REVOKE_SUBJECTS, alice)
                    .send(DeliveryRecords.envelope(removal));
            assertEquals(removal, eventId(aliceClient.nextEvent(TIMEOUT)), "the removal itself reaches alice");
            JsonNode revoked = aliceClient.next("unsubscribed");
            assertEquals("revoked", revoked.path("reason").asText(), revoked.toString());
            assertEquals("room:" + room, revoked.path("channel").asText());

            String after = DeliveryRecords.send(writer, TOPIC, 1, "room:" + room).id();
            String marker = DeliveryRecords.send(writer, TOPIC, 1, "user:" + alice).id();
            assertEquals(List.of(marker), eventIds(aliceClient.rawFramesUntil(f -> marker.equals(f.path("event").path("id").asText()))),
                    "alice still received the room after her removal");
            assertEquals(removal, eventId(bobClient.nextEvent(TIMEOUT)));
            assertEquals(after, eventId(bobClient.nextEvent(TIMEOUT)), "bob keeps the room");

            // and she cannot simply subscribe again: the revocation cleared the cached grant
            assertRefused(aliceClient, "room:" + room, "forbidden");
        }
    }

    @Test
    void aSendIsProducedWithTheTokensSubjectWhateverTheFrameClaims() {
        String alice = TestNames.unique("alice");
        String room = TestNames.unique("room");
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), alice, "user")) {
            client.send("{\"type\":\"send\",\"id\":\"m-1\",\"room\":\"" + room + "\",\"clientMessageId\":\"c-1\","
                    + "\"body\":\"hello\",\"senderId\":\"mallory\",\"sender\":\"mallory\"}");
            JsonNode sent = client.next("sent");
            assertEquals("m-1", sent.path("id").asText());
            assertEquals("c-1", sent.path("clientMessageId").asText());

            // acked once Kafka has it: the gateway created the topic before its first command
            ConsumerRecord<String, byte[]> record;
            try (TopicReader commands = TopicReader.fromBeginning("chat.commands")) {
                record = commands.await(r -> room.equals(r.key()), TIMEOUT);
            }
            JsonNode command = TopicReader.assertEnvelope(record, "chat.send-message", "gateway", room);
            assertEquals(alice, command.path("data").path("senderId").asText(), "the stamped sender");
            assertEquals("c-1", command.path("data").path("clientMessageId").asText());
            assertEquals("hello", command.path("data").path("body").asText());
            assertEquals(command.path("id").asText(), TopicReader.header(record, EventHeaders.EVENT_ID));
        }
    }

    @Test
    void malformedCommandsGetErrorFramesAndTheConnectionKeepsWorking() {
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), TestNames.unique("clumsy"), "user")) {
            assertBad(client, "{\"type\":\"subscribe\",\"id\":1}", "\"channel\" is required");
            assertBad(client, "{\"type\":\"subscribe\",\"id\":2,\"channel\":7}", "\"channel\" must be a string");
            assertBad(client, "{\"type\":\"unsubscribe\",\"id\":3,\"channel\":\" \"}", "\"channel\" must not be blank");
            assertBad(client, "{\"type\":\"send\",\"id\":4,\"clientMessageId\":\"c\",\"body\":\"b\"}", "\"room\" is required");
            assertBad(client, "{\"type\":\"send\",\"id\":5,\"room\":\"r\",\"body\":\"b\"}", "\"clientMessageId\" is required");
            assertBad(client, "{\"type\":\"send\",\"id\":6,\"room\":\"r\",\"clientMessageId\":\"c\",\"body\":\""
                    + "x".repeat(8001) + "\"}", "\"body\" may have at most 8000 characters");
            assertBad(client, "{\"type\":\"resume\",\"id\":7}", "\"cursor\" must be an object");
            assertBad(client, "{\"type\":\"refresh\",\"id\":8}", "\"token\" is required");
            client.send("{\"type\":\"ping\",\"id\":\"still-there\"}");
            assertEquals("still-there", client.next("pong").path("id").asText());
        }
    }

    private static JsonNode subscribe(GatewaySocket client, String id, String channel) {
        client.send("{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"channel\":\"" + channel + "\"}");
        return client.awaitFrame(frame -> id.equals(frame.path("id").asText()), TIMEOUT, "the answer to " + id);
    }

    private static void assertRefused(GatewaySocket client, String channel, String code) {
        JsonNode answer = subscribe(client, "x-" + channel, channel);
        assertEquals("error", answer.path("type").asText(), channel + ": " + answer);
        assertEquals(code, answer.path("code").asText(), channel + ": " + answer);
        assertEquals(channel, answer.path("channel").asText());
    }

    private static void assertBad(GatewaySocket client, String frame, String message) {
        client.send(frame);
        JsonNode error = client.next("error");
        assertEquals("bad-frame", error.path("code").asText(), frame.substring(0, Math.min(80, frame.length())) + ": " + error);
        assertEquals(message, error.path("message").asText());
    }
}
