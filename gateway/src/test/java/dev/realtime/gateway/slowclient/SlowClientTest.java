package dev.realtime.gateway.slowclient;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.realtime.client.GatewaySocket;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A client that stops reading is closed with 4001 once its frames pile up; the others keep receiving. */
@QuarkusTest
@TestProfile(SlowClientTest.FewPendingFrames.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class SlowClientTest {

    public static class FewPendingFrames implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.limits.max-queued-bytes", "1048576");
        }
    }

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void aClientThatStopsReadingIsClosedAndTheOthersAreNotHeldBack() {
        Gateway.awaitReady();
        String slow = TestNames.unique("slow");
        String fast = TestNames.unique("fast");
        // 256 KB per event: a few dozen fill the socket buffers between the gateway and a client that stopped reading
        String padding = "x".repeat(256 * 1024);
        try (GatewaySocket slowClient = Gateway.connect(Gateway.ws(http), slow, "user");
                GatewaySocket fastClient = Gateway.connect(Gateway.ws(http), fast, "user");
                TopicWriter writer = TopicWriter.open()) {
            slowClient.pause();

            int[] sent = { 0 };
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                // the fast client reads each event before the next is produced, so it never falls behind
                String id = "event-" + sent[0]++;
                writer.to("booking.events").partition(0).key("k")
                        .header(EventHeaders.CHANNELS, "user:" + slow + ",user:" + fast)
                        .send("{\"id\":\"" + id + "\",\"data\":\"" + padding + "\"}");
                assertEquals(id, fastClient.next("event").path("event").path("id").asText());
                return Metrics.value("gateway_connections_closed_slow_total") > 0;
            });

            slowClient.resume();
            assertEquals(4001, slowClient.awaitCloseCode());
        }
    }
}
