package dev.realtime.gateway.refresh;

import static dev.realtime.gateway.support.DeliveryRecords.eventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.DeliveryRecords;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A {@code refresh} frame with a new token of the same user moves the connection's expiry and re-derives its role
 * channels; another user's or an invalid token is refused and changes nothing; without a refresh the connection
 * closes at expiry.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class TokenRefreshTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    @TestHTTPResource("/ws")
    URI http;

    @BeforeEach
    void awaitReady() {
        Gateway.awaitReady();
    }

    @Test
    void aRefreshedConnectionOutlivesItsFirstTokenAndGetsTheChannelOfANewRole() throws Exception {
        String alice = TestNames.unique("alice");
        Instant opened = Instant.now();
        try (GatewaySocket client = GatewaySocket.connectWithHeader(Gateway.ws(http), alice,
                TestTokens.shortLivedToken(alice, SHORT, "user"));
                TopicWriter writer = TopicWriter.open()) {
            client.awaitWelcome();
            client.awaitLive(Gateway.READY_TIMEOUT);
            client.send("{\"type\":\"refresh\",\"id\":\"f-1\",\"token\":\""
                    + TestTokens.token(alice, "user", "auditor") + "\"}");
            JsonNode refreshed = client.next("refreshed");
            assertEquals("f-1", refreshed.path("id").asText());
            assertTrue(refreshed.path("expiresAt").asLong() > opened.plus(SHORT).getEpochSecond(), refreshed.toString());
            assertTrue(refreshed.path("channels").toString().contains("role:auditor"), refreshed.toString());

            // no close until well past the first token's expiry
            Duration pastFirstExpiry = Duration.between(Instant.now(), opened.plus(SHORT).plusSeconds(2));
            assertThrows(AssertionError.class, () -> client.awaitCloseCode(pastFirstExpiry), "closed at the old expiry");
            String id = DeliveryRecords.send(writer, "booking.events", 0, "role:auditor").id();
            assertEquals(id, eventId(client.nextEvent(GatewaySocket.DEFAULT_TIMEOUT)), "the gained role's channel");
        }
    }

    @Test
    void aRefreshWithAnotherUsersOrAnInvalidTokenIsRefused() {
        String alice = TestNames.unique("alice");
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), alice, "user")) {
            client.send("{\"type\":\"refresh\",\"id\":\"f-2\",\"token\":\"" + TestTokens.token("mallory", "admin") + "\"}");
            JsonNode mismatch = client.next("error");
            assertEquals("subject-mismatch", mismatch.path("code").asText(), mismatch.toString());
            assertEquals("f-2", mismatch.path("id").asText());

            client.send("{\"type\":\"refresh\",\"id\":\"f-3\",\"token\":\"" + TestTokens.foreignToken(alice, "user") + "\"}");
            assertEquals("invalid-token", client.next("error").path("code").asText());
            client.send("{\"type\":\"refresh\",\"id\":\"f-4\",\"token\":\"" + TestTokens.expiredToken(alice, "user") + "\"}");
            assertEquals("invalid-token", client.next("error").path("code").asText());

            client.send("{\"type\":\"ping\",\"id\":\"still-alice\"}");
            assertEquals("still-alice", client.next("pong").path("id").asText());
        }
    }

    @Test
    void withoutARefreshTheConnectionClosesAtExpiry() {
        String alice = TestNames.unique("alice");
        try (GatewaySocket client = GatewaySocket.connectWithHeader(Gateway.ws(http), alice,
                TestTokens.shortLivedToken(alice, SHORT, "user"))) {
            client.awaitWelcome();
            assertEquals(1008, client.awaitCloseCode(SHORT.plusSeconds(10)));
        }
    }
}
