package dev.realtime.gateway;

import static dev.realtime.gateway.GatewaySocketTest.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestKafka;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
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
    private static KafkaProducer<String, String> producer;

    @TestHTTPResource("/ws")
    URI http;

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterAll
    static void stopProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @BeforeEach
    void awaitReady() {
        // the gateway creates the delivery topics and pins its positions before it reports ready
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void readinessReportsTheAssignedPartitions() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka-delivery' }.status", equalTo("UP"));
    }

    @Test
    void aUserChannelReachesThatUserOnly() {
        String alice = unique("alice");
        String bob = unique("bob");
        try (WsClient aliceClient = connect(alice, "user"); WsClient bobClient = connect(bob, "user")) {
            String forAlice = produce("user:" + alice).id();
            String forBob = produce("user:" + bob).id();

            assertEquals(forAlice, eventId(aliceClient.next("event")));
            assertEquals(List.of(forBob), eventIds(bobClient.rawFramesUntil(frame -> forBob.equals(eventId(frame)))),
                    "bob received alice's event");
        }
    }

    @Test
    void aRoleChannelReachesTheHoldersOfThatRole() {
        String admin = unique("admin");
        String user = unique("user");
        try (WsClient adminClient = connect(admin, "user", "admin"); WsClient userClient = connect(user, "user")) {
            String forAdmins = produce("role:admin").id();
            String marker = produce("user:" + user).id();

            assertEquals(forAdmins, eventId(adminClient.next("event")));
            assertEquals(List.of(marker), eventIds(userClient.rawFramesUntil(frame -> marker.equals(eventId(frame)))),
                    "a user without the admin role received an admin event");
        }
    }

    @Test
    void aRecordMatchingSeveralChannelsOfAConnectionIsSentOnce() {
        String alice = unique("alice");
        try (WsClient client = connect(alice, "user", "admin")) {
            String both = produce("user:" + alice + ",role:admin,broadcast").id();
            String marker = produce("user:" + alice).id();

            assertEquals(List.of(both, marker), eventIds(client.rawFramesUntil(frame -> marker.equals(eventId(frame)))));
        }
    }

    @Test
    void broadcastReachesEveryConnection() {
        try (WsClient first = connect(unique("first"), "user");
                WsClient second = connect(unique("second"), "user", "admin");
                WsClient third = connect(unique("third"))) {
            String everyone = produce("broadcast").id();

            for (WsClient client : List.of(first, second, third)) {
                assertEquals(everyone, eventId(client.next("event")));
            }
        }
    }

    @Test
    void theEventFrameCarriesTheRecordValueVerbatimWithItsPosition() {
        String alice = unique("alice");
        try (WsClient client = connect(alice, "user")) {
            // odd spacing, key order and non-ASCII text: any re-serialisation would change these bytes
            String value = "{ \"id\" : \"" + UUID.randomUUID() + "\",\"type\":\"chat.message-posted\","
                    + "\"source\":\"chat-service\",\"time\":\"2026-01-02T03:04:05Z\",\"subject\":\"room-1\","
                    + "\"data\":{\"z\":1,\"a\":[true,null],\"text\":\"h\u00e9llo \u2713 \ud83d\ude00\"} }";
            RecordMetadata sent = send(TOPIC, "user:" + alice, value);

            String frame = client.nextRaw();
            String expected = "{\"type\":\"event\",\"topic\":\"" + TOPIC + "\",\"partition\":" + sent.partition()
                    + ",\"offset\":" + sent.offset() + ",\"event\":" + value + "}";
            assertEquals(expected, frame);
        }
    }

    @Test
    void recordsWithoutChannelsOrWithoutAJsonObjectAreSkipped() {
        String alice = unique("alice");
        try (WsClient client = connect(alice, "user")) {
            producer.send(new ProducerRecord<>(TOPIC, PARTITION, "k", envelope(UUID.randomUUID().toString())));
            send(TOPIC, "user:" + alice, "not json at all");
            send(TOPIC, "user:" + alice, null);
            String marker = produce("user:" + alice).id();

            assertEquals(List.of(marker), eventIds(client.rawFramesUntil(frame -> marker.equals(eventId(frame)))));
        }
    }

    @Test
    void aPartitionAddedWhileRunningIsDeliveredFromItsBeginning() throws Exception {
        String topic = "notification.events";
        String alice = unique("alice");
        try (WsClient client = connect(alice, "user");
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions + 1))).all().get(10, TimeUnit.SECONDS);

            // produced at once: the gateway may see the partition only later, and must still read this record
            String id = UUID.randomUUID().toString();
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, partitions, "k", envelope(id),
                    channels("user:" + alice))).get(10, TimeUnit.SECONDS);
            assertEquals(partitions, sent.partition());

            JsonNode frame = client.next("event");
            assertEquals(id, eventId(frame));
            assertEquals(partitions, frame.path("partition").asInt());
        }
    }

    @Test
    void metricsCountConnectionsFramesAndDeliveryLatency() {
        String alice = unique("alice");
        try (WsClient client = connect(alice, "user")) {
            String id = produce("user:" + alice).id();
            assertEquals(id, eventId(client.next("event")));

            given().get("/q/metrics").then()
                    .statusCode(200)
                    .body(containsString("gateway_connections "))
                    .body(containsString("gateway_frames_out_total{type=\"event\"}"))
                    .body(containsString("gateway_delivery_latency_seconds_count"))
                    .body(containsString("gateway_records_consumed_total"));
        }
    }

    private WsClient connect(String subject, String... roles) {
        WsClient client = WsClient.withHeader(URI.create(http.toString().replaceFirst("^http", "ws")),
                TestTokens.token(subject, roles));
        client.welcome();
        return client;
    }

    private record Produced(String id, RecordMetadata metadata) {
    }

    /** Produces an envelope for these channels to the test partition and waits for the broker's ack. */
    private static Produced produce(String channels) {
        String id = UUID.randomUUID().toString();
        return new Produced(id, send(TOPIC, channels, envelope(id)));
    }

    private static RecordMetadata send(String topic, String channels, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, PARTITION, "k", value, channels(channels)))
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the broker did not take the record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static RecordHeaders channels(String channels) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.CHANNELS, channels.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String envelope(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"test.probed\",\"source\":\"gateway-test\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"probe\",\"data\":{}}";
    }

    private static String eventId(JsonNode frame) {
        assertTrue(frame.path("event").isObject(), "not an event frame: " + frame);
        return frame.path("event").path("id").asText();
    }

    private static List<String> eventIds(List<String> rawFrames) {
        return rawFrames.stream().map(WsClient::parse).map(DeliveryTest::eventId).toList();
    }
}
