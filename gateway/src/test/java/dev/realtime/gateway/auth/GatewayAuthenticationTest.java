package dev.realtime.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.gateway.support.Gateway;
import dev.realtime.gateway.support.WsClient;
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
        try (WsClient client = WsClient.withHeader(Gateway.ws(http), TestTokens.token(subject, "user", "admin"))) {
            JsonNode welcome = client.welcome();
            assertEquals(1, welcome.path("v").asInt());
            assertEquals(subject, welcome.path("subject").asText());
            assertEquals(List.of("user:" + subject, "role:admin", "role:user", "broadcast"), texts(welcome.path("channels")));
        }
    }

    @Test
    void aBrowserPassesTheTokenAsASubprotocol() {
        String subject = TestNames.unique("browser");
        try (WsClient client = WsClient.withSubprotocol(Gateway.ws(http), TestTokens.token(subject, "user"))) {
            assertEquals("bearer-token-carrier", client.subprotocol());
            JsonNode welcome = client.welcome();
            assertEquals(subject, welcome.path("subject").asText());
            assertEquals(List.of("user:" + subject, "role:user", "broadcast"), texts(welcome.path("channels")));
        }
    }

    @Test
    void theUpgradeIsRefusedWithoutAValidToken() {
        assertEquals(401, WsClient.refusedStatus(Gateway.ws(http), null), "no token");
        assertEquals(401, WsClient.refusedStatus(Gateway.ws(http), TestTokens.foreignToken("mallory", "admin")), "foreign key");
        assertEquals(401, WsClient.refusedStatus(Gateway.ws(http), TestTokens.expiredToken("alice", "user")), "expired");
        assertEquals(401, WsClient.refusedStatus(Gateway.ws(http), "not-a-jwt"), "garbage");
    }

    @Test
    void aTokenWhoseSubjectCannotNameAChannelIsClosedWithoutReconnectAdvice() {
        try (WsClient client = WsClient.withHeader(Gateway.ws(http), TestTokens.token("two words", "user"))) {
            assertEquals(4100, client.awaitCloseCode());
        }
    }

    @Test
    void theConnectionIsClosedWhenItsTokenExpires() {
        String token = TestTokens.shortLivedToken(TestNames.unique("brief"), Duration.ofSeconds(3), "user");
        try (WsClient client = WsClient.withHeader(Gateway.ws(http), token)) {
            client.welcome();
            assertEquals(1008, client.awaitCloseCode());
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
