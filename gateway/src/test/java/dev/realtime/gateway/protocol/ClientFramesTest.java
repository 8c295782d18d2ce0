package dev.realtime.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** What the gateway answers to client frames: pongs, errors with stable codes, and the size limit. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class ClientFramesTest {

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void aPingIsAnsweredWithAPongCarryingItsId() {
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), TestNames.unique("pinger"), "user")) {

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
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), TestNames.unique("clumsy"), "user")) {

            assertError(client, "not json", "bad-frame");
            assertError(client, "{\"type\":\"ping\"} trailing", "bad-frame");
            assertError(client, "[1,2]", "bad-frame");
            assertError(client, "{\"id\":\"x\"}", "bad-frame");
            assertError(client, "{\"type\":7}", "bad-frame");
            assertError(client, "{\"type\":\"ping\",\"id\":{\"nested\":true}}", "bad-frame");
            JsonNode unknown = assertError(client, "{\"type\":\"teleport\",\"id\":\"s-1\"}", "unknown-type");
            assertEquals("s-1", unknown.path("id").asText(), "the error names the frame it answers");

            client.sendBinary(new byte[] { 1, 2, 3 });
            assertEquals("bad-frame", client.next("error").path("code").asText());

            client.send("{\"type\":\"ping\",\"id\":\"still-there\"}");
            assertEquals("still-there", client.next("pong").path("id").asText());
        }
    }

    @Test
    void aFrameOverTheSizeLimitIsRefusedWithAnError() {
        try (GatewaySocket client = Gateway.connect(Gateway.ws(http), TestNames.unique("verbose"), "user")) {
            // 16384 bytes is the limit; 6000 three-byte characters are 18000 bytes in 6000 chars
            String padding = "\u20ac".repeat(6000);
            assertError(client, "{\"type\":\"ping\",\"id\":\"" + padding + "\"}", "frame-too-large");

            client.send("{\"type\":\"ping\",\"id\":\"after\"}");
            assertEquals("after", client.next("pong").path("id").asText());
        }
    }

    private static JsonNode assertError(GatewaySocket client, String frame, String code) {
        client.send(frame);
        JsonNode error = client.next("error");
        assertEquals(code, error.path("code").asText(), "answer to " + frame);
        assertFalse(error.path("message").asText().isEmpty(), "error without message: " + error);
        return error;
    }
}
