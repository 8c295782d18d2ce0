package dev.realtime.gateway.health;

import static dev.realtime.gateway.support.DeliveryRecords.eventId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.DeliveryRecords;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.gateway.support.Metrics;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The meters move with what the gateway does: every meter exists from start-up, so only a change in value shows
 * that it measures anything. Test classes run one after another, so nothing else moves these meters meanwhile.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class MetricsTest {

    private static final String TOPIC = "chat.events";
    private static final Duration METER_TIMEOUT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI http;

    @BeforeEach
    void awaitReadyAndIdle() {
        Gateway.awaitReady();
        // connections of earlier tests may still be closing
        awaitValue(0, "gateway_connections");
    }

    @Test
    void theConnectionAndChannelGaugesFollowConnectionsOpeningAndClosing() {
        awaitValue(0, "gateway_subscriptions", "kind=\"user\"");
        try (GatewaySocket alice = connect(TestNames.unique("alice"), "user")) {
            awaitValue(1, "gateway_connections");
            awaitValue(1, "gateway_users_online");
            // user:alice, role:user, broadcast
            awaitValue(1, "gateway_subscriptions", "kind=\"user\"");
            awaitValue(1, "gateway_subscriptions", "kind=\"role\"");
            awaitValue(1, "gateway_subscriptions", "kind=\"broadcast\"");
            try (GatewaySocket bob = connect(TestNames.unique("bob"), "user", "admin")) {
                awaitValue(2, "gateway_connections");
                // and user:bob, role:admin, role:user, broadcast
                awaitValue(2, "gateway_subscriptions", "kind=\"user\"");
                awaitValue(3, "gateway_subscriptions", "kind=\"role\"");
                awaitValue(2, "gateway_subscriptions", "kind=\"broadcast\"");
            }
            awaitValue(1, "gateway_connections");
            awaitValue(1, "gateway_subscriptions", "kind=\"user\"");
            awaitValue(1, "gateway_subscriptions", "kind=\"role\"");
        }
        awaitValue(0, "gateway_connections");
        awaitValue(0, "gateway_users_online");
        awaitValue(0, "gateway_subscriptions", "kind=\"role\"");
    }

    @Test
    void aDeliveryCountsTheRecordItsEventFrameAndItsLatency() {
        double welcomes = Metrics.value("gateway_frames_out_total", "type=\"welcome\"");
        double consumed = Metrics.value("gateway_records_consumed_total");
        double events = Metrics.value("gateway_frames_out_total", "type=\"event\"");
        double latencies = Metrics.value("gateway_delivery_latency_seconds_count");
        String alice = TestNames.unique("alice");
        try (GatewaySocket client = connect(alice, "user"); TopicWriter writer = TopicWriter.open()) {
            awaitValue(welcomes + 1, "gateway_frames_out_total", "type=\"welcome\"");

            String id = DeliveryRecords.send(writer, TOPIC, 0, "user:" + alice).id();
            assertEquals(id, eventId(client.next("event")));

            awaitValue(consumed + 1, "gateway_records_consumed_total");
            awaitValue(events + 1, "gateway_frames_out_total", "type=\"event\"");
            awaitValue(latencies + 1, "gateway_delivery_latency_seconds_count");
        }
    }

    @Test
    void aRecordThatCannotBeDeliveredIsCountedWithItsReason() {
        double noChannels = Metrics.value("gateway_records_skipped_total", "reason=\"no-channels\"");
        double notAnObject = Metrics.value("gateway_records_skipped_total", "reason=\"not-an-object\"");
        double events = Metrics.value("gateway_frames_out_total", "type=\"event\"");

        try (TopicWriter writer = TopicWriter.open()) {
            writer.to(TOPIC).partition(0).key("k").send(DeliveryRecords.envelope(UUID.randomUUID().toString()));
            awaitValue(noChannels + 1, "gateway_records_skipped_total", "reason=\"no-channels\"");
            writer.to(TOPIC).partition(0).key("k").header(EventHeaders.CHANNELS, "broadcast").send("[1,2]");
            awaitValue(notAnObject + 1, "gateway_records_skipped_total", "reason=\"not-an-object\"");
        }
        assertEquals(events, Metrics.value("gateway_frames_out_total", "type=\"event\""), "a skipped record was sent");
    }

    @Test
    void clientFramesAreCountedByTypeWithTheirAnswers() {
        double accepted = Metrics.value("gateway_frames_in_total", "type=\"ping\"");
        double rejected = Metrics.value("gateway_frames_in_total", "type=\"invalid\"");
        double pongs = Metrics.value("gateway_frames_out_total", "type=\"pong\"");
        double errors = Metrics.value("gateway_frames_out_total", "type=\"error\"");
        try (GatewaySocket client = connect(TestNames.unique("pinger"), "user")) {
            client.send("{\"type\":\"ping\",\"id\":1}");
            client.next("pong");
            awaitValue(accepted + 1, "gateway_frames_in_total", "type=\"ping\"");
            awaitValue(pongs + 1, "gateway_frames_out_total", "type=\"pong\"");

            client.send("not json");
            client.next("error");
            awaitValue(rejected + 1, "gateway_frames_in_total", "type=\"invalid\"");
            awaitValue(errors + 1, "gateway_frames_out_total", "type=\"error\"");
        }
    }

    private GatewaySocket connect(String subject, String... roles) {
        return Gateway.connect(Gateway.ws(http), subject, roles);
    }

    /** Waits until the meter shows this value: frames are counted once written, after the client may see them. */
    private static void awaitValue(double expected, String name, String... labels) {
        await().atMost(METER_TIMEOUT)
                .untilAsserted(() -> assertEquals(expected, Metrics.value(name, labels), name + " " + String.join(",", labels)));
    }
}
