package dev.realtime.gateway.slowclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/**
 * A client that stops reading is closed with 4001 once its frames pile up; a normal client on the same replica
 * keeps its delivery latency (measured alone and beside the slow one, compared, never against a fixed time), and
 * the gateway's memory stays bounded meanwhile.
 */
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
            // the fast client's delivery latency alone, with the same events
            List<Long> alone = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                alone.add(roundTrip(writer, fastClient, "user:" + fast, "alone-" + i, padding));
            }

            slowClient.pause();
            List<Long> beside = new ArrayList<>();
            double maxInFlight = 0;
            int[] sent = { 0 };
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Metrics.value("gateway_connections_closed_slow_total") == 0) {
                assertTrue(System.nanoTime() < deadline, "the slow client was never closed");
                // the fast client reads each event before the next is produced, so it never falls behind
                beside.add(roundTrip(writer, fastClient, "user:" + slow + ",user:" + fast, "beside-" + sent[0]++, padding));
                maxInFlight = Math.max(maxInFlight, Metrics.value("gateway_delivery_in_flight_bytes"));
            }
            long medianAlone = median(alone);
            long medianBeside = median(beside);
            System.out.printf("fast client delivery, median: alone %d us, beside a slow client %d us (%d events)%n",
                    medianAlone / 1000, medianBeside / 1000, beside.size());
            // relative, never absolute: a slow neighbour must not make the others' deliveries several times slower
            assertTrue(medianBeside <= 3 * medianAlone + Duration.ofMillis(20).toNanos(),
                    "median alone " + medianAlone / 1000 + " us, beside a slow client " + medianBeside / 1000 + " us");
            // memory stays bounded: the slow client's queue is its socket's, closed at 1 MiB; nothing piles up here
            assertTrue(maxInFlight <= 32 * 1024 * 1024, "bytes in flight peaked at " + maxInFlight);

            slowClient.resume();
            assertEquals(4001, slowClient.awaitCloseCode());
        }
    }

    /** Produces one event to these channels and waits for the fast client to have it; nanoseconds. */
    private static long roundTrip(TopicWriter writer, GatewaySocket client, String channels, String id, String padding) {
        long started = System.nanoTime();
        writer.to("booking.events").partition(0).key("k")
                .header(EventHeaders.CHANNELS, channels)
                .send("{\"id\":\"" + id + "\",\"data\":\"" + padding + "\"}");
        assertEquals(id, client.nextEvent(GatewaySocket.DEFAULT_TIMEOUT).path("event").path("id").asText());
        return System.nanoTime() - started;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
