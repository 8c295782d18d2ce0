package dev.realtime.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Connecting to /ws: the token on the upgrade (header or subprotocol), the welcome frame with the channels, expiry. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class GatewayAuthenticationTest {

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void aTokenInTheAuthorizationHeaderOpensAConnectionWithItsChannels() {
        String subject = TestNames.unique("alice");
        try (GatewaySocket client = GatewaySocket.connectWithHeader(Gateway.ws(http), subject, TestTokens.token(subject, "user", "admin"))) {
            JsonNode welcome = client.awaitWelcome();
            assertEquals(1, welcome.path("v").asInt());
            assertEquals(subject, welcome.path("subject").asText());
            assertEquals(List.of("user:" + subject, "role:admin", "role:user", "broadcast"), texts(welcome.path("channels")));
        }
    }

    @Test
    void aBrowserPassesTheTokenAsASubprotocol() {
        String subject = TestNames.unique("browser");
        try (GatewaySocket client = GatewaySocket.connectWithSubprotocol(Gateway.ws(http), subject, TestTokens.token(subject, "user"))) {
            assertEquals("bearer-token-carrier", client.subprotocol());
            JsonNode welcome = client.awaitWelcome();
            assertEquals(subject, welcome.path("subject").asText());
            assertEquals(List.of("user:" + subject, "role:user", "broadcast"), texts(welcome.path("channels")));
        }
    }

    @Test
    void theUpgradeIsRefusedWithoutAValidToken() {
        assertEquals(401, GatewaySocket.refusedStatus(Gateway.ws(http), null), "no token");
        assertEquals(401, GatewaySocket.refusedStatus(Gateway.ws(http), TestTokens.foreignToken("mallory", "admin")), "foreign key");
        assertEquals(401, GatewaySocket.refusedStatus(Gateway.ws(http), TestTokens.expiredToken("alice", "user")), "expired");
        assertEquals(401, GatewaySocket.refusedStatus(Gateway.ws(http), "not-a-jwt"), "garbage");
    }

    @Test
    void aTokenWhoseSubjectCannotNameAChannelIsClosedWithoutReconnectAdvice() {
        try (GatewaySocket client = GatewaySocket.connectWithHeader(Gateway.ws(http), "two words", TestTokens.token("two words", "user"))) {
            assertEquals(4100, client.awaitCloseCode());
        }
    }

    @Test
    void theConnectionIsClosedWhenItsTokenExpires() {
        String token = TestTokens.shortLivedToken(TestNames.unique("brief"), Duration.ofSeconds(3), "user");
        try (GatewaySocket client = GatewaySocket.connectWithHeader(Gateway.ws(http), "brief", token)) {
            client.awaitWelcome();
            assertEquals(1008, client.awaitCloseCode());
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
