package dev.realtime.gateway.stats;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.gateway.support.ChatAccessStub;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.gateway.support.OtherReplica;
import dev.realtime.gateway.support.Rooms;
import dev.realtime.gateway.support.SignalsProfile;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code GET /admin/stats}: for admins only; this replica's figures, every live replica's, and their sum. */
@QuarkusTest
@TestProfile(SignalsProfile.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ChatAccessStub.class)
class StatsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI http;

    @BeforeEach
    void ready() {
        Gateway.awaitReady();
    }

    @Test
    void onlyAnAdminMayReadTheStats() {
        given().get("/admin/stats").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(TestNames.unique("user"), "user")).get("/admin/stats").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.token(TestNames.unique("admin"), "admin")).get("/admin/stats").then()
                .statusCode(200).contentType("application/json");
    }

    @Test
    void theStatsReportThisReplicaEveryReplicaHeardFromAndTheirSum() {
        String room = Rooms.memberRoom();
        try (OtherReplica other = new OtherReplica();
                GatewaySocket alice = Gateway.connect(Gateway.ws(http), TestNames.unique("alice"), "user")) {
            Rooms.subscribe(alice, room);
            alice.send("{\"type\":\"typing\",\"room\":\"" + room + "\",\"state\":\"start\"}");
            other.heartbeat(TestNames.unique("carol"), "online", room);

            JsonNode stats = await().atMost(WAIT).until(StatsTest::stats,
                    json -> replica(json, other.id()) != null && self(json).path("framesIn").path("typing").asLong() > 0);

            JsonNode self = self(stats);
            assertEquals(stats.path("replica").asText(), self.path("replica").asText(), "this replica named: " + stats);
            assertTrue(self.path("connections").asLong() >= 1, "connections: " + self);
            assertTrue(self.path("usersOnline").asLong() >= 1, "users online: " + self);
            assertTrue(self.path("subscriptions").path("room").asLong() >= 1, "room subscriptions: " + self);
            assertTrue(self.path("subscriptions").path("user").asLong() >= 1, "user subscriptions: " + self);
            assertTrue(self.path("framesIn").path("subscribe").asLong() >= 1, "frames in: " + self);
            assertTrue(self.path("framesOut").path("subscribed").asLong() >= 1, "frames out: " + self);

            JsonNode theirs = replica(stats, other.id());
            assertEquals(7, theirs.path("connections").asLong(), "the other replica's heartbeat figures: " + theirs);
            assertEquals(3, theirs.path("subscriptions").path("room").asLong());
            assertEquals(11, theirs.path("framesIn").path("typing").asLong());

            JsonNode total = stats.path("total");
            assertEquals(stats.path("replicas").size(), total.path("replicas").asInt());
            assertEquals(sum(stats, "connections"), total.path("connections").asLong(), "sum: " + stats);
            assertEquals(sum(stats, "framesIn", "typing"), total.path("framesIn").path("typing").asLong());
            assertEquals(sum(stats, "subscriptions", "room"), total.path("subscriptions").path("room").asLong());
            assertTrue(total.path("usersOnline").asLong() >= 2, "alice here and carol there: " + total);

            // a replica that stops sending heartbeats leaves the stats within the TTL
            await().atMost(SignalsProfile.PRESENCE_TTL.plus(WAIT)).until(StatsTest::stats,
                    json -> replica(json, other.id()) == null);
        }
    }

    private static JsonNode stats() {
        return given().auth().oauth2(TestTokens.token(TestNames.unique("admin"), "admin")).get("/admin/stats").then()
                .statusCode(200).extract().as(JsonNode.class);
    }

    private static JsonNode self(JsonNode stats) {
        for (JsonNode replica : stats.path("replicas")) {
            if (replica.path("self").asBoolean()) {
                return replica;
            }
        }
        throw new AssertionError("no replica marked self: " + stats);
    }

    private static JsonNode replica(JsonNode stats, String id) {
        for (JsonNode replica : stats.path("replicas")) {
            if (id.equals(replica.path("replica").asText())) {
                return replica;
            }
        }
        return null;
    }

    private static long sum(JsonNode stats, String... path) {
        long sum = 0;
        for (JsonNode replica : stats.path("replicas")) {
            JsonNode value = replica;
            for (String field : path) {
                value = value.path(field);
            }
            sum += value.asLong();
        }
        return sum;
    }
}
