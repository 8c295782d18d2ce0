package dev.realtime.gateway.delivery;

import static dev.realtime.gateway.support.DeliveryRecords.eventId;
import static dev.realtime.gateway.support.DeliveryRecords.eventIds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.DeliveryRecords;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTopics;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Records produced to the real broker reach exactly the connections subscribed to their channels.
 * <p>
 * To show that a record did NOT reach a connection, a later record on the same partition is sent to it as a
 * marker: the gateway delivers one partition in order, so had the first record been sent, it would have arrived
 * before the marker.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class DeliveryTest {

    private static final String TOPIC = "chat.events";
    private static final int PARTITION = 0;
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
        // the gateway creates the delivery topics and pins its positions before it reports ready
        Gateway.awaitReady();
    }

    @Test
    void aUserChannelReachesThatUserOnly() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        try (GatewaySocket aliceClient = connect(alice, "user"); GatewaySocket bobClient = connect(bob, "user")) {
            String forAlice = send("user:" + alice);
            String forBob = send("user:" + bob);

            assertEquals(forAlice, eventId(aliceClient.next("event")));
            assertEquals(List.of(forBob), eventIds(bobClient.rawFramesUntil(frame -> forBob.equals(eventId(frame)))),
                    "bob received alice's event");
        }
    }

    @Test
    void aRoleChannelReachesTheHoldersOfThatRole() {
        String admin = TestNames.unique("admin");
        String user = TestNames.unique("user");
        try (GatewaySocket adminClient = connect(admin, "user", "admin"); GatewaySocket userClient = connect(user, "user")) {
            String forAdmins = send("role:admin");
            String marker = send("user:" + user);

            assertEquals(forAdmins, eventId(adminClient.next("event")));
            assertEquals(List.of(marker), eventIds(userClient.rawFramesUntil(frame -> marker.equals(eventId(frame)))),
                    "a user without the admin role received an admin event");
        }
    }

    @Test
    void aRecordMatchingSeveralChannelsOfAConnectionIsSentOnce() {
        String alice = TestNames.unique("alice");
        try (GatewaySocket client = connect(alice, "user", "admin")) {
            String both = send("user:" + alice + ",role:admin,broadcast");
            String marker = send("user:" + alice);

            assertEquals(List.of(both, marker), eventIds(client.rawFramesUntil(frame -> marker.equals(eventId(frame)))));
        }
    }

    @Test
    void broadcastReachesEveryConnection() {
        try (GatewaySocket first = connect(TestNames.unique("first"), "user");
                GatewaySocket second = connect(TestNames.unique("second"), "user", "admin");
                GatewaySocket third = connect(TestNames.unique("third"))) {
            String everyone = send("broadcast");

            for (GatewaySocket client : List.of(first, second, third)) {
                assertEquals(everyone, eventId(client.next("event")));
            }
        }
    }

    @Test
    void theEventFrameCarriesTheRecordValueVerbatimWithItsPosition() {
        String alice = TestNames.unique("alice");
        try (GatewaySocket client = connect(alice, "user")) {
            // odd spacing, key order and non-ASCII text: any re-serialisation would change these bytes
            String value = "{ \"id\" : \"" + UUID.randomUUID() + "\",\"type\":\"chat.message-posted\","
                    + "\"source\":\"chat-service\",\"time\":\"2026-01-02T03:04:05Z\",\"subject\":\"room-1\","
                    + "\"data\":{\"z\":1,\"a\":[true,null],\"text\":\"h\u00e9llo \u2713 \ud83d\ude00\"} }";
            RecordMetadata sent = record().header(EventHeaders.CHANNELS, "user:" + alice).send(value);

            String frame = client.nextRaw();
            String expected = "{\"type\":\"event\",\"topic\":\"" + TOPIC + "\",\"partition\":" + sent.partition()
                    + ",\"offset\":" + sent.offset() + ",\"event\":" + value + "}";
            assertEquals(expected, frame);
        }
    }

    @Test
    void recordsWithoutChannelsOrWithoutAJsonObjectAreSkipped() {
        String alice = TestNames.unique("alice");
        try (GatewaySocket client = connect(alice, "user")) {
            record().send(DeliveryRecords.envelope(UUID.randomUUID().toString()));
            record().header(EventHeaders.CHANNELS, "user:" + alice).send("not json at all");
            record().header(EventHeaders.CHANNELS, "user:" + alice).send((String) null);
            String marker = send("user:" + alice);

            assertEquals(List.of(marker), eventIds(client.rawFramesUntil(frame -> marker.equals(eventId(frame)))));
        }
    }

    @Test
    void aPartitionAddedWhileRunningIsDeliveredFromItsBeginning() {
        String topic = "notification.events";
        String alice = TestNames.unique("alice");
        try (GatewaySocket client = connect(alice, "user")) {
            int added = TestTopics.addPartition(topic);

            // written at once: the gateway may see the partition only later, and must still read this record
            DeliveryRecords.Sent sent = DeliveryRecords.send(writer, topic, added, "user:" + alice);
            assertEquals(added, sent.metadata().partition());

            JsonNode frame = client.next("event");
            assertEquals(sent.id(), eventId(frame));
            assertEquals(added, frame.path("partition").asInt());
        }
    }

    private GatewaySocket connect(String subject, String... roles) {
        return Gateway.connect(Gateway.ws(http), subject, roles);
    }

    /** A record for the test partition, keyed like every other. */
    private static TopicWriter.Draft record() {
        return writer.to(TOPIC).partition(PARTITION).key("k");
    }

    /** Writes an envelope for these channels to the test partition; returns its id. */
    private static String send(String channels) {
        return DeliveryRecords.send(writer, TOPIC, PARTITION, channels).id();
    }
}
