package dev.realtime.auth.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.auth.accounts.Accounts;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** user.registered, read back from the real broker the way the gateway reads it. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class UserEventsTest {

    /** Random keys miss a partition 64 times in a row with a probability of about 1e-11 for 3 partitions. */
    private static final int MAX_MARKERS = 64;

    @Test
    void registrationPublishesUserRegisteredToTheUsersOwnChannel() throws Exception {
        String username = TestNames.unique("heidi");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD, "displayName", "Heidi"))
                .post("/auth/register")
                .then().statusCode(201)
                .extract().path("id");

        try (TopicReader reader = TopicReader.fromBeginning("auth.user-events")) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertEquals("user:" + id, TopicReader.header(record, EventHeaders.CHANNELS));
            JsonNode event = TopicReader.assertEnvelope(record, "user.registered", "auth-service", id);

            JsonNode data = event.get("data");
            assertEquals(Set.of("id", "username", "displayName", "roles"), fieldNames(data));
            assertEquals(id, data.get("id").asText());
            assertEquals(username, data.get("username").asText());
            assertEquals("Heidi", data.get("displayName").asText());
            assertEquals(1, data.get("roles").size());
            assertEquals("user", data.get("roles").get(0).asText());

            String raw = TopicReader.value(record);
            assertFalse(raw.contains("$2a$"), "no password hash in the event");
            assertFalse(raw.contains(Accounts.PASSWORD), "no password in the event");
        }
    }

    @Test
    void roleChangesAndDisablingArePublishedToTheUsersOwnChannel() {
        String id = Accounts.register(TestNames.unique("judy"));
        String admin = Accounts.login("admin", "admin-password");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("roles", List.of("user", "admin")))
                .put("/admin/users/" + id + "/roles").then().statusCode(200);
        given().auth().oauth2(admin).post("/admin/users/" + id + "/disable").then().statusCode(200);

        try (TopicReader reader = TopicReader.fromBeginning("auth.user-events")) {
            ConsumerRecord<String, byte[]> changed = reader.await(
                    r -> id.equals(r.key()) && "user.roles-changed".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)),
                    Duration.ofSeconds(20));
            assertEquals("user:" + id, TopicReader.header(changed, EventHeaders.CHANNELS));
            JsonNode data = TopicReader.assertEnvelope(changed, "user.roles-changed", "auth-service", id).get("data");
            assertEquals(Set.of("id", "roles", "previousRoles"), fieldNames(data));
            assertEquals("[\"user\",\"admin\"]", data.get("roles").toString());
            assertEquals("[\"user\"]", data.get("previousRoles").toString());

            ConsumerRecord<String, byte[]> disabled = reader.await(
                    r -> id.equals(r.key()) && "user.disabled".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)),
                    Duration.ofSeconds(20));
            assertEquals("user:" + id, TopicReader.header(disabled, EventHeaders.CHANNELS));
            assertTrue(disabled.offset() > changed.offset(), "published in the order they happened");
            data = TopicReader.assertEnvelope(disabled, "user.disabled", "auth-service", id).get("data");
            assertEquals(Set.of("id", "username", "disabledAt"), fieldNames(data));
            assertEquals(id, data.get("id").asText());
        }
    }

    @Test
    void aRefusedRegistrationPublishesNothing() {
        String username = TestNames.unique("ivan");
        String first = Accounts.register(username);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD))
                .post("/auth/register")
                .then().statusCode(409);

        try (TopicReader reader = TopicReader.fromBeginning("auth.user-events")) {
            reader.await(r -> first.equals(r.key()), Duration.ofSeconds(20));
            awaitMarkersOnEveryPartition(reader, "ivan-marker");
            long forUsername = reader.seen().stream()
                    .filter(r -> TopicReader.value(r).contains("\"username\":\"" + username + "\""))
                    .count();
            assertEquals(1, forUsername, "one event for the one account that exists");
        }
    }

    /**
     * Registers accounts until the reader has read one of their events on every partition of the topic. Had an
     * earlier request written an event, whatever its key, the relay would have sent it before these (it sends in
     * commit order), so it sits before one of these markers on its partition and has been read by now.
     */
    private static void awaitMarkersOnEveryPartition(TopicReader reader, String prefix) {
        Set<Integer> marked = new HashSet<>();
        for (int attempt = 0; marked.size() < reader.partitions().size(); attempt++) {
            assertTrue(attempt < MAX_MARKERS, "no marker reached partitions other than " + marked);
            String marker = Accounts.register(TestNames.unique(prefix));
            marked.add(reader.await(r -> marker.equals(r.key()), Duration.ofSeconds(20)).partition());
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        assertTrue(node.isObject());
        return names;
    }
}
