package dev.realtime.chat.messages;

import static dev.realtime.chat.support.ChatApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.chat.repository.MessageRepository;
import dev.realtime.chat.support.ChatApi;
import dev.realtime.chat.support.GatewayCommands;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sending messages over REST and as {@code chat.commands} records from the gateway, against the real broker and
 * database: one message per client message id, whichever way and however often it comes, and every refused
 * command answered to its sender.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class SendMessageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    private static GatewayCommands gateway;

    @Inject
    MessageRepository messages;

    @BeforeAll
    static void openGateway() {
        gateway = new GatewayCommands();
    }

    @AfterAll
    static void closeGateway() {
        gateway.close();
    }

    @Test
    void aMessageSentTwiceOverRestIsStoredOnceAndPostedOnce() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        Map<String, String> body = Map.of("clientMessageId", "c-1", "body", "<b>hi</b>\nthere");

        String first = as(alice).body(body).post("/rooms/{id}/messages", room).then().statusCode(201)
                .body("seq", equalTo(1)).body("body", equalTo("<b>hi</b>\nthere")).body("senderId", equalTo(alice))
                .extract().path("messageId");
        String again = as(alice).body(Map.of("clientMessageId", "c-1", "body", "changed")).post("/rooms/{id}/messages", room)
                .then().statusCode(201).body("seq", equalTo(1)).body("body", equalTo("<b>hi</b>\nthere"))
                .extract().path("messageId");
        assertEquals(first, again);
        String location = as(alice).body(Map.of("clientMessageId", "c-2", "body", "next"))
                .post("/rooms/{id}/messages", room).then().statusCode(201).body("seq", equalTo(2))
                .extract().header("Location");
        as(alice).get(location).then().statusCode(200).body("clientMessageId", equalTo("c-2"));
        as(TestNames.unique("mallory")).get(location).then().statusCode(404);

        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> next = events.await(r -> posted(r, room, "c-2"), TIMEOUT);
            List<ConsumerRecord<String, byte[]>> firsts = events.seen().stream().filter(r -> posted(r, room, "c-1")).toList();
            assertEquals(1, firsts.size(), "one message.posted for c-1");
            assertEquals("room:" + room, TopicReader.header(firsts.get(0), EventHeaders.CHANNELS));
            assertEquals(room, firsts.get(0).key());
            JsonNode event = TopicReader.assertEnvelope(firsts.get(0), "message.posted", "chat-service", room);
            JsonNode data = event.path("data");
            assertEquals(first, data.path("messageId").asText());
            assertEquals(room, data.path("roomId").asText());
            assertEquals(alice, data.path("senderId").asText());
            assertEquals("c-1", data.path("clientMessageId").asText());
            assertEquals("<b>hi</b>\nthere", data.path("body").asText());
            assertEquals(1, data.path("seq").asLong());
            assertTrue(data.path("sentAt").isTextual());
            assertTrue(next.offset() > firsts.get(0).offset());
        }
        assertEquals(2, countIn(room));
    }

    @Test
    void aNonMembersSendIsRefusedOverRest() {
        String room = ChatApi.createRoom(TestNames.unique("alice"));
        as(TestNames.unique("mallory")).body(Map.of("clientMessageId", "c-1", "body", "let me in"))
                .post("/rooms/{id}/messages", room)
                .then().statusCode(403).contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://realtime.dev/problems/not-a-member"));
        as(TestNames.unique("mallory")).body(Map.of("clientMessageId", "c-1", "body", "anyone?"))
                .post("/rooms/{id}/messages", UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("https://realtime.dev/problems/room-not-found"));
        assertEquals(0, countIn(room));
    }

    @Test
    void blankAndOverlongBodiesAreRefusedOverRest() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        as(alice).body(Map.of("clientMessageId", "c-1", "body", " \n ")).post("/rooms/{id}/messages", room)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(alice).body(Map.of("clientMessageId", "c-1", "body", "\u2003")).post("/rooms/{id}/messages", room)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(alice).body(Map.of("clientMessageId", "c-1", "body", "x".repeat(4001))).post("/rooms/{id}/messages", room)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(alice).body(Map.of("clientMessageId", "c-1", "body", "x".repeat(4000))).post("/rooms/{id}/messages", room)
                .then().statusCode(201);
    }

    @Test
    void aCommandDeliveredTwiceStoresOneMessage() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            gateway.send(room, alice, "c-1", "hello");
            gateway.send(room, alice, "c-1", "hello");
            // after the two on the room's partition: once it is posted, both duplicates have been consumed
            gateway.send(room, alice, "c-2", "marker");

            ConsumerRecord<String, byte[]> marker = events.await(r -> posted(r, room, "c-2"), TIMEOUT);
            assertEquals(2, TopicReader.assertEnvelope(marker, "message.posted", "chat-service", room)
                    .path("data").path("seq").asLong());
            assertEquals(1, events.seen().stream().filter(r -> posted(r, room, "c-1")).count());
        }
        assertEquals(2, countIn(room));
    }

    @Test
    void aCommandResentOverRestIsTheSameMessage() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            gateway.send(room, alice, "c-1", "over the socket");
            JsonNode posted = TopicReader.assertEnvelope(events.await(r -> posted(r, room, "c-1"), TIMEOUT),
                    "message.posted", "chat-service", room);
            as(alice).body(Map.of("clientMessageId", "c-1", "body", "over REST")).post("/rooms/{id}/messages", room)
                    .then().statusCode(201).body("messageId", equalTo(posted.path("data").path("messageId").asText()))
                    .body("body", equalTo("over the socket"));
        }
        assertEquals(1, countIn(room));
    }

    @Test
    void aNonMembersCommandIsRejectedToTheSenderAlone() {
        String room = ChatApi.createRoom(TestNames.unique("alice"));
        String mallory = TestNames.unique("mallory");
        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            gateway.send(room, mallory, "c-1", "let me in");
            ConsumerRecord<String, byte[]> rejected = events.await(r -> rejected(r, mallory), TIMEOUT);
            assertEquals("user:" + mallory, TopicReader.header(rejected, EventHeaders.CHANNELS));
            JsonNode data = TopicReader.assertEnvelope(rejected, "message.rejected", "chat-service", room).path("data");
            assertEquals(room, data.path("roomId").asText());
            assertEquals("c-1", data.path("clientMessageId").asText());
            assertEquals("not-a-member", data.path("reason").asText());
            assertTrue(data.path("message").asText().contains(room));
        }
        assertEquals(0, countIn(room));
    }

    @Test
    void everyRefusedCommandIsAnsweredWithItsReason() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        Map<String, Object> reasons = new java.util.LinkedHashMap<>();
        reasons.put("blank", " \t ");
        reasons.put("too-long", "y".repeat(4001));
        reasons.put("invalid-command", null);
        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            reasons.forEach((reason, body) -> gateway.send(room, alice, reason, body));
            gateway.send(UUID.randomUUID().toString(), alice, "room-not-found", "hello?");
            gateway.send("not-a-uuid", alice, "room-not-found", "hello?");
            for (String reason : List.of("blank", "too-long", "invalid-command")) {
                JsonNode data = TopicReader.assertEnvelope(events.await(r -> rejected(r, alice)
                        && TopicReader.value(r).contains("\"clientMessageId\":\"" + reason + "\""), TIMEOUT),
                        "message.rejected", "chat-service", room).path("data");
                assertEquals(reason, data.path("reason").asText());
            }
            events.await(r -> rejected(r, alice) && "not-a-uuid".equals(r.key())
                    && TopicReader.value(r).contains("\"reason\":\"room-not-found\""), TIMEOUT);
        }
        assertEquals(0, countIn(room));
    }

    @Test
    void aCommandWithAControlCharacterIsDeadLettered() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        try (TopicReader dlq = TopicReader.fromBeginning("chat.commands.dlq")) {
            gateway.send(room, alice, "c-bell", "bell\u0007");
            ConsumerRecord<String, byte[]> dead = dlq.await(r -> room.equals(r.key()), TIMEOUT);
            assertTrue(TopicReader.header(dead, "dead-letter-reason").contains("control character"));
        }
        assertEquals(0, countIn(room));
    }

    private long countIn(String room) {
        return QuarkusTransaction.requiringNew().call(() -> messages.count("roomId", UUID.fromString(room)));
    }

    private static boolean posted(ConsumerRecord<String, byte[]> record, String room, String clientMessageId) {
        return room.equals(record.key()) && "message.posted".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE))
                && TopicReader.value(record).contains("\"clientMessageId\":\"" + clientMessageId + "\"");
    }

    private static boolean rejected(ConsumerRecord<String, byte[]> record, String sender) {
        return "message.rejected".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE))
                && ("user:" + sender).equals(TopicReader.header(record, EventHeaders.CHANNELS));
    }
}
