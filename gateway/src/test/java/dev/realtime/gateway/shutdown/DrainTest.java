package dev.realtime.gateway.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.gateway.transport.Drain;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What SIGTERM does before the replica stops (the shutdown observer, called here as Quarkus calls it): new
 * upgrades are refused, readiness goes DOWN, and every client is closed with 4002, spread over the drain period.
 * Its own profile: the replica is draining for good afterwards.
 */
@QuarkusTest
@TestProfile(DrainTest.ShortDrain.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class DrainTest {

    private static final long DRAIN_MILLIS = 1500;

    public static class ShortDrain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.shutdown.drain", DRAIN_MILLIS + "ms");
        }
    }

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    Drain drain;

    @Test
    void onShutdownEveryClientIsToldToReconnectElsewhereSpreadOverTheDrainPeriod() {
        Gateway.awaitReady();
        List<GatewaySocket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(Gateway.connect(Gateway.ws(http), TestNames.unique("leaver"), "user"));
            }
            long started = System.nanoTime();
            drain.onStopForTest(new ShutdownEvent());
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            for (GatewaySocket client : clients) {
                assertEquals(4002, client.awaitCloseCode(), client.name());
            }
            // the last one is closed near the end of the period, not all at once at its start
            assertTrue(tookMillis >= DRAIN_MILLIS / 2, "drained in " + tookMillis + " ms");
            assertEquals(503, GatewaySocket.refusedStatus(Gateway.ws(http), TestTokens.token("late", "user")));
            assertEquals("DOWN", Gateway.deliveryReadiness().path("status").asText());
        } finally {
            clients.forEach(GatewaySocket::close);
        }
    }
}
