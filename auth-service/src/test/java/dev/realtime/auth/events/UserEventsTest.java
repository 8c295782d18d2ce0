package dev.realtime.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void registrationPublishesUserRegisteredToTheUsersOwnChannel() throws Exception {
        String username = Accounts.uniqueUsername("heidi");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD, "displayName", "Heidi"))
                .post("/auth/register")
                .then().statusCode(201)
                .extract().path("id");

        try (TopicReader reader = TopicReader.fromBeginning("auth.user-events")) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertEquals("user:" + id, TopicReader.header(record, EventHeaders.CHANNELS));
            assertEquals("user.registered", TopicReader.header(record, EventHeaders.EVENT_TYPE));

            JsonNode event = JSON.readTree(record.value());
            assertEquals(TopicReader.header(record, EventHeaders.EVENT_ID), event.get("id").asText());
            assertEquals("user.registered", event.get("type").asText());
            assertEquals("auth-service", event.get("source").asText());
            assertEquals(id, event.get("subject").asText());
            assertFalse(event.get("time").asText().isEmpty());

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
    void aRefusedRegistrationPublishesNothing() throws Exception {
        String username = Accounts.uniqueUsername("ivan");
        String first = Accounts.register(username);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD))
                .post("/auth/register")
                .then().statusCode(409);
        // the relay sends in commit order: once this later event is read, one of the refused registration
        // would have been sent too, had it been written
        String marker = Accounts.register(Accounts.uniqueUsername("ivan-marker"));

        try (TopicReader reader = TopicReader.fromBeginning("auth.user-events")) {
            reader.await(r -> marker.equals(r.key()), Duration.ofSeconds(20));
            reader.await(r -> first.equals(r.key()), Duration.ofSeconds(20));
            long forUsername = reader.seen().stream()
                    .filter(r -> TopicReader.value(r).contains("\"username\":\"" + username + "\""))
                    .count();
            assertEquals(1, forUsername, "one event for the one account that exists");
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        assertTrue(node.isObject());
        return names;
    }
}
