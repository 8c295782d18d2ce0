package dev.realtime.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

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

/** A connection that floods is answered rate-limited, then closed with 4003; the others are unaffected. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class FloodTest {

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void aFloodingConnectionIsCutOffAndTheOthersGoOn() {
        try (GatewaySocket flooder = Gateway.connect(Gateway.ws(http), TestNames.unique("flooder"), "user");
                GatewaySocket neighbour = Gateway.connect(Gateway.ws(http), TestNames.unique("neighbour"), "user")) {
            // defaults: 20 frames/s, a burst of 40, closed after 100 refusals in a row
            for (int i = 0; i < 400; i++) {
                flooder.send("{\"type\":\"ping\",\"id\":" + i + "}");
            }
            int pongs = 0;
            int limited = 0;
            while (true) {
                JsonNode frame;
                try {
                    frame = flooder.nextFrame(Duration.ofSeconds(15));
                } catch (AssertionError closed) {
                    break;
                }
                if ("pong".equals(frame.path("type").asText())) {
                    pongs++;
                } else if ("rate-limited".equals(frame.path("code").asText())) {
                    limited++;
                }
            }
            assertEquals(4003, flooder.awaitCloseCode());
            assertTrue(pongs >= 40 && pongs < 400, "pongs: " + pongs);
            assertTrue(limited > 0, "rate-limited errors before the close: " + limited);

            neighbour.send("{\"type\":\"ping\",\"id\":\"fine\"}");
            assertEquals("fine", neighbour.next("pong").path("id").asText());
        }
    }
}
