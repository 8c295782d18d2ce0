package dev.realtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Connecting to /ws: authentication on the upgrade, the welcome frame, and what the gateway answers to clients. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class GatewaySocketTest {

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void aTokenInTheAuthorizationHeaderOpensAConnectionWithItsChannels() {
        String subject = unique("alice");
        try (WsClient client = WsClient.withHeader(ws(), TestTokens.token(subject, "user", "admin"))) {
            JsonNode welcome = client.welcome();
            assertEquals(1, welcome.path("v").asInt());
            assertEquals(subject, welcome.path("subject").asText());
            assertEquals(List.of("user:" + subject, "role:admin", "role:user", "broadcast"), texts(welcome.path("channels")));
        }
    }

    @Test
    void aBrowserPassesTheTokenAsASubprotocol() {
        String subject = unique("browser");
        try (WsClient client = WsClient.withSubprotocol(ws(), TestTokens.token(subject, "user"))) {
            assertEquals("bearer-token-carrier", client.subprotocol());
            JsonNode welcome = client.welcome();
            assertEquals(subject, welcome.path("subject").asText());
            assertEquals(List.of("user:" + subject, "role:user", "broadcast"), texts(welcome.path("channels")));
        }
    }

    @Test
    void theUpgradeIsRefusedWithoutAValidToken() {
        assertEquals(401, WsClient.refusedStatus(ws(), null), "no token");
        assertEquals(401, WsClient.refusedStatus(ws(), TestTokens.foreignToken("mallory", "admin")), "foreign key");
        assertEquals(401, WsClient.refusedStatus(ws(), TestTokens.expiredToken("alice", "user")), "expired");
        assertEquals(401, WsClient.refusedStatus(ws(), "not-a-jwt"), "garbage");
    }

    @Test
    void aTokenWhoseSubjectCannotNameAChannelIsClosedWithoutReconnectAdvice() {
        try (WsClient client = WsClient.withHeader(ws(), TestTokens.token("two words", "user"))) {
            assertEquals(4100, client.awaitCloseCode());
        }
    }

    @Test
    void theConnectionIsClosedWhenItsTokenExpires() {
        String token = TestTokens.shortLivedToken(unique("brief"), Duration.ofSeconds(3), "user");
        try (WsClient client = WsClient.withHeader(ws(), token)) {
            client.welcome();
            assertEquals(1008, client.awaitCloseCode());
        }
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsId() {
        try (WsClient client = WsClient.withHeader(ws(), TestTokens.token(unique("pinger"), "user"))) {
            client.welcome();

            client.send("{\"type\":\"ping\",\"id\":\"p-1\"}");
            assertEquals("{\"type\":\"pong\",\"id\":\"p-1\"}", client.nextRaw());

            client.send("{\"type\":\"ping\",\"id\":42}");
            assertEquals("{\"type\":\"pong\",\"id\":42}", client.nextRaw());

            client.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", client.nextRaw());
        }
    }

    @Test
    void aBadFrameIsAnsweredWithAnErrorAndTheConnectionStaysUsable() {
        try (WsClient client = WsClient.withHeader(ws(), TestTokens.token(unique("clumsy"), "user"))) {
            client.welcome();

            assertError(client, "not json", "bad-frame");
            assertError(client, "{\"type\":\"ping\"} trailing", "bad-frame");
            assertError(client, "[1,2]", "bad-frame");
            assertError(client, "{\"id\":\"x\"}", "bad-frame");
            assertError(client, "{\"type\":7}", "bad-frame");
            assertError(client, "{\"type\":\"ping\",\"id\":{\"nested\":true}}", "bad-frame");
            JsonNode unknown = assertError(client, "{\"type\":\"subscribe\",\"id\":\"s-1\"}", "unknown-type");
            assertEquals("s-1", unknown.path("id").asText(), "the error names the frame it answers");

            client.sendBinary(new byte[] { 1, 2, 3 });
            assertEquals("bad-frame", client.next("error").path("code").asText());

            client.send("{\"type\":\"ping\",\"id\":\"still-there\"}");
            assertEquals("still-there", client.next("pong").path("id").asText());
        }
    }

    @Test
    void aFrameOverTheSizeLimitIsRefusedWithAnError() {
        try (WsClient client = WsClient.withHeader(ws(), TestTokens.token(unique("verbose"), "user"))) {
            client.welcome();
            // 16384 bytes is the limit; 6000 three-byte characters are 18000 bytes in 6000 chars
            String padding = "\u20ac".repeat(6000);
            assertError(client, "{\"type\":\"ping\",\"id\":\"" + padding + "\"}", "frame-too-large");

            client.send("{\"type\":\"ping\",\"id\":\"after\"}");
            assertEquals("after", client.next("pong").path("id").asText());
        }
    }

    private static JsonNode assertError(WsClient client, String frame, String code) {
        client.send(frame);
        JsonNode error = client.next("error");
        assertEquals(code, error.path("code").asText(), "answer to " + frame);
        assertFalse(error.path("message").asText().isEmpty(), "error without message: " + error);
        return error;
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
