package dev.realtime.chat.messages;

import static dev.realtime.chat.support.ChatApi.as;
import static dev.realtime.chat.support.ChatApi.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.chat.support.ChatApi;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Editing one's own messages, deleting them (admins: anyone's) as tombstones that keep their seq; both published. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class EditDeleteTest {

    @Test
    void theSenderEditsAndDeletesAndOthersDoNot() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String admin = TestNames.unique("admin");
        String room = ChatApi.createRoom(alice);
        ChatApi.addMember(alice, room, bob);
        ChatApi.addMember(alice, room, admin);
        String first = as(alice).body(Map.of("clientMessageId", "c-1", "body", "helo")).post("/rooms/{id}/messages", room)
                .then().statusCode(201).extract().path("messageId");
        String second = as(bob).body(Map.of("clientMessageId", "c-2", "body", "rude")).post("/rooms/{id}/messages", room)
                .then().statusCode(201).extract().path("messageId");

        as(alice).body(Map.of("body", "hello")).patch("/rooms/{id}/messages/{m}", room, first).then().statusCode(200)
                .body("body", equalTo("hello")).body("seq", equalTo(1)).body("editedAt", notNullValue());
        as(bob).body(Map.of("body", "hacked")).patch("/rooms/{id}/messages/{m}", room, first).then().statusCode(403);
        as(alice).delete("/rooms/{id}/messages/{m}", room, second).then().statusCode(403);
        asAdmin(admin).delete("/rooms/{id}/messages/{m}", room, second).then().statusCode(200)
                .body("body", equalTo("")).body("deletedAt", notNullValue()).body("seq", equalTo(2));
        as(bob).body(Map.of("body", "sorry")).patch("/rooms/{id}/messages/{m}", room, second).then().statusCode(409);
        as(TestNames.unique("mallory")).delete("/rooms/{id}/messages/{m}", room, first).then().statusCode(404);

        List<Map<String, Object>> history = as(bob).get("/rooms/{id}/messages", room).then().statusCode(200)
                .extract().jsonPath().getList("messages");
        assertEquals(2, history.size(), "the tombstone keeps its place");
        assertEquals("", history.get(0).get("body"));
        assertEquals("hello", history.get(1).get("body"));

        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> deleted = events.await(r -> room.equals(r.key())
                    && "message.deleted".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)), Duration.ofSeconds(30));
            JsonNode data = TopicReader.assertEnvelope(deleted, "message.deleted", "chat-service", room).path("data");
            assertEquals(second, data.path("messageId").asText());
            assertEquals(2, data.path("seq").asLong());
            assertTrue(data.path("deletedAt").isTextual());
            assertEquals("room:" + room, TopicReader.header(deleted, EventHeaders.CHANNELS));
            ConsumerRecord<String, byte[]> edited = events.seen().stream().filter(r -> room.equals(r.key())
                    && "message.edited".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE))).findFirst().orElseThrow();
            assertEquals("hello", TopicReader.assertEnvelope(edited, "message.edited", "chat-service", room)
                    .path("data").path("body").asText());
        }
    }
}
