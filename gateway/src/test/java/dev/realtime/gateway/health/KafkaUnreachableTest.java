package dev.realtime.gateway.health;

import static dev.realtime.gateway.support.DeliveryRecords.eventId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.config.GatewayConfig;
import dev.realtime.gateway.support.DeliveryRecords;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.test.TestKafka;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTopics;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Without a reachable broker the gateway starts, serves clients, says it is not ready, and keeps trying: once a
 * broker answers at the configured address it becomes ready and delivers. The address is a {@link TcpGate}: a
 * real socket that drops every connection (counting them) until the test opens it onto the test broker.
 */
@QuarkusTest
@TestProfile(KafkaUnreachableTest.BrokerBehindAGate.class)
@WithTestResource(TokenResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaUnreachableTest {

    /** Shared by the profile and the test, which Quarkus may load in different class loaders. */
    private static final String GATE_PORT = "rt.test.gateway.kafka-gate-port";
    /** Longest a single attempt to reach the broker may take: {@code kafka.default.api.timeout.ms} below. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    public static class BrokerBehindAGate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + gatePort(),
                    "kafka.request.timeout.ms", "2000",
                    "kafka.default.api.timeout.ms", Long.toString(ATTEMPT_TIMEOUT.toMillis()),
                    "gateway.retry-max-backoff", "1s");
        }
    }

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    GatewayConfig config;

    @Test
    @Order(1)
    void clientsCanConnectWhileReadinessIsDown() {
        JsonNode check = Gateway.deliveryReadiness();
        assertEquals("DOWN", check.path("status").asText(), check.toString());
        assertEquals(0, check.path("data").path("partitions").asInt(), check.toString());
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);

        // it cannot go live before the history window is warm, but it is open and answered
        try (GatewaySocket client = Gateway.connectHeld(Gateway.ws(http), TestNames.unique("early"), "user")) {
            client.send("{\"type\":\"ping\",\"id\":1}");
            assertEquals(1, client.next("pong").path("id").asInt());
        }
    }

    @Test
    @Order(2)
    void theGatewayKeepsTryingAndDeliversOnceABrokerAnswers() {
        String broker = TestKafka.bootstrapServers();
        try (TcpGate gate = TcpGate.shut(gatePort())) {
            // one attempt gives up after ATTEMPT_TIMEOUT: connections over twice that long are the gateway retrying
            await("connection attempts over more than two attempt timeouts").atMost(Duration.ofSeconds(30))
                    .until(() -> gate.attemptSpan().compareTo(ATTEMPT_TIMEOUT.multipliedBy(2)) > 0);
            assertTrue(gate.attempts() >= 2, "attempts: " + gate.attempts());
            assertEquals("DOWN", Gateway.deliveryReadiness().path("status").asText());

            gate.open(broker);
            Gateway.awaitReady();
            JsonNode check = Gateway.deliveryReadiness();
            int partitions = TestTopics.partitionCounts(config.topics()).values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(partitions, check.path("data").path("partitions").asInt(), check.toString());

            String alice = TestNames.unique("alice");
            try (GatewaySocket client = Gateway.connect(Gateway.ws(http), alice, "user"); TopicWriter writer = TopicWriter.open()) {
                String id = DeliveryRecords.send(writer, config.topics().get(0), 0, "user:" + alice).id();
                assertEquals(id, eventId(client.next("event")));
            }
        }
    }

    private static synchronized int gatePort() {
        String port = System.getProperty(GATE_PORT);
        if (port == null) {
            port = Integer.toString(TcpGate.freePort());
            System.setProperty(GATE_PORT, port);
        }
        return Integer.parseInt(port);
    }
}
