package dev.realtime.gateway.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.platform.test.TestTokens;

/** The gateway under test as its clients and its operators see it: /ws, readiness. */
public final class Gateway {

    /** Start-up creates the delivery topics and pins the positions: slow on a busy machine. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private Gateway() {
    }

    /** The WebSocket address of an {@code http} URI of the test server. */
    public static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** Waits until readiness reports UP. */
    public static void awaitReady() {
        await().atMost(READY_TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    /** The readiness check of the delivery consumer, as {@code /q/health/ready} reports it, UP or DOWN. */
    public static JsonNode deliveryReadiness() {
        JsonNode health = given().get("/q/health/ready").then().extract().as(JsonNode.class);
        for (JsonNode check : health.path("checks")) {
            if ("kafka-delivery".equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("readiness has no kafka-delivery check: " + health);
    }

    /** A connection of this user, with a valid token in the Authorization header, past its welcome frame, live. */
    public static GatewaySocket connect(URI ws, String subject, String... roles) {
        GatewaySocket client = GatewaySocket.connectWithHeader(ws, subject, TestTokens.token(subject, roles));
        client.awaitWelcome();
        client.awaitLive(READY_TIMEOUT);
        return client;
    }

    /** A connection past its welcome frame, still held: its first frame decides how it goes live. */
    public static GatewaySocket connectHeld(URI ws, String subject, String... roles) {
        GatewaySocket client = GatewaySocket.connectWithHeader(ws, subject, TestTokens.token(subject, roles));
        client.awaitWelcome();
        return client;
    }
}
