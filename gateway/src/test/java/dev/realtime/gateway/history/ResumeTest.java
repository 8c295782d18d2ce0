package dev.realtime.gateway.history;

import static dev.realtime.gateway.support.DeliveryRecords.eventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.DeliveryRecords;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that reconnects with its cursor gets what it missed from the history window, each event once and in
 * order, then live events; a cursor the window cannot serve gets one not-recoverable answer.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class ResumeTest {

    private static final String TOPIC = "booking.events";
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
    void aReconnectingClientGetsEveryMissedEventOnceInOrderThenLiveOnes() {
        String alice = TestNames.unique("alice");
        List<String> sent = new ArrayList<>();
        JsonNode cursor;
        try (GatewaySocket first = Gateway.connect(Gateway.ws(http), alice, "user")) {
            for (int i = 0; i < 3; i++) {
                // two partitions, so that the cursor and the replay span more than one
                sent.add(DeliveryRecords.send(writer, TOPIC, i % 2, "user:" + alice).id());
                assertEquals(sent.get(i), eventId(first.nextEvent(GatewaySocket.DEFAULT_TIMEOUT)));
            }
            cursor = first.cursor();
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            missed.add(DeliveryRecords.send(writer, TOPIC, i % 2, "user:" + alice).id());
        }
        // someone else's event in between must not be replayed to alice
        DeliveryRecords.send(writer, TOPIC, 0, "user:" + TestNames.unique("bob"));

        try (GatewaySocket second = Gateway.connectHeld(Gateway.ws(http), alice, "user")) {
            second.resume("r-1", cursor);
            List<String> frames = second.rawFramesUntil(frame -> "resumed".equals(frame.path("type").asText()));
            JsonNode resumed = GatewaySocket.parse(frames.get(frames.size() - 1));
            List<String> replayed = DeliveryRecords.eventIds(frames.subList(0, frames.size() - 1));
            assertEquals(missed.size(), replayed.size(), "replayed " + replayed);
            assertEquals(missed.stream().sorted().toList(), replayed.stream().sorted().toList(), "each missed event once");
            assertInPartitionOrder(missed, replayed);
            assertEquals("r-1", resumed.path("id").asText());
            assertEquals(missed.size(), resumed.path("replayed").asInt());

            String live = DeliveryRecords.send(writer, TOPIC, 1, "user:" + alice).id();
            assertEquals(live, eventId(second.nextEvent(GatewaySocket.DEFAULT_TIMEOUT)), "live after the replay");
        }
    }

    @Test
    void aCursorOfAnotherEpochIsNotRecoverable() {
        String alice = TestNames.unique("alice");
        ObjectNode cursor;
        try (GatewaySocket first = Gateway.connect(Gateway.ws(http), alice, "user")) {
            cursor = first.cursor();
        }
        ((ObjectNode) cursor.path(TOPIC)).put("epoch", "recreated-topic-id");
        try (GatewaySocket second = Gateway.connectHeld(Gateway.ws(http), alice, "user")) {
            second.resume("r-2", cursor);
            JsonNode answer = second.next("not-recoverable");
            assertEquals("epoch", answer.path("reason").asText(), answer.toString());
            assertEquals(TOPIC, answer.path("topic").asText());
            assertTrue(answer.path("cursor").path(TOPIC).path("epoch").isTextual(), "the current cursor: " + answer);

            // live from here: the client refetches over REST and carries on
            String live = DeliveryRecords.send(writer, TOPIC, 0, "user:" + alice).id();
            assertEquals(live, eventId(second.nextEvent(GatewaySocket.DEFAULT_TIMEOUT)));
        }
    }

    @Test
    void aMalformedCursorOrALateResumeIsAnError() {
        try (GatewaySocket client = Gateway.connectHeld(Gateway.ws(http), TestNames.unique("clumsy"), "user")) {
            client.send("{\"type\":\"resume\",\"id\":\"r-3\",\"cursor\":{\"booking.events\":{\"offsets\":{}}}}");
            JsonNode error = client.next("error");
            assertEquals("bad-cursor", error.path("code").asText(), error.toString());
            client.awaitLive(Gateway.READY_TIMEOUT);

            client.resume("r-4", client.cursor());
            JsonNode late = client.next("error");
            assertEquals("bad-frame", late.path("code").asText(), late.toString());
            assertEquals("r-4", late.path("id").asText());
        }
    }

    /** Within each partition the replay keeps the order the events were produced in. */
    private static void assertInPartitionOrder(List<String> produced, List<String> replayed) {
        for (int partition = 0; partition < 2; partition++) {
            List<String> expected = new ArrayList<>();
            for (int i = partition; i < produced.size(); i += 2) {
                expected.add(produced.get(i));
            }
            List<String> got = replayed.stream().filter(expected::contains).toList();
            assertEquals(expected, got, "order on partition " + partition);
        }
    }
}
