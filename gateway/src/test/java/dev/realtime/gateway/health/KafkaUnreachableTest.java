package dev.realtime.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without a reachable broker the gateway starts, keeps retrying, and says it is not ready. */
@QuarkusTest
@TestProfile(KafkaUnreachableTest.NoBroker.class)
@WithTestResource(TokenResource.class)
class KafkaUnreachableTest {

    /** Nothing listens on port 1. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:1");
        }
    }

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void readinessIsDownWhileKafkaCannotBeReached() {
        given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'kafka-delivery' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void clientsCanStillConnect() {
        try (WsClient client = WsClient.withHeader(URI.create(http.toString().replaceFirst("^http", "ws")),
                TestTokens.token(GatewaySocketTest.unique("early"), "user"))) {
            client.welcome();
            client.send("{\"type\":\"ping\",\"id\":1}");
            assertEquals(1, client.next("pong").path("id").asInt());
        }
    }
}
