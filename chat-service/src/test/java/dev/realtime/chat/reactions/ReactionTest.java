package dev.realtime.chat.reactions;

import static dev.realtime.chat.support.ChatApi.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

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

/** Reactions: one per emoji per user, added and removed by members, each change published to the room. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class ReactionTest {

    private static final String THUMBS = "\uD83D\uDC4D";
    private static final String HEART = "\u2764\uFE0F";

    @Test
    void oneReactionPerEmojiPerUserEachPublished() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String room = ChatApi.createRoom(alice);
        ChatApi.addMember(alice, room, bob);
        String message = as(alice).body(Map.of("clientMessageId", "c-1", "body", "hi")).post("/rooms/{id}/messages", room)
                .then().statusCode(201).extract().path("messageId");
        String reactions = "/rooms/{id}/messages/{m}/reactions";

        as(bob).put(reactions + "/{e}", room, message, THUMBS).then().statusCode(200).body("emoji", equalTo(THUMBS));
        as(bob).put(reactions + "/{e}", room, message, THUMBS).then().statusCode(200);
        as(alice).put(reactions + "/{e}", room, message, THUMBS).then().statusCode(200);
        as(alice).put(reactions + "/{e}", room, message, HEART).then().statusCode(200);
        as(bob).get(reactions, room, message).then().statusCode(200)
                .body("userId", containsInAnyOrder(bob, alice, alice)).body("emoji", containsInAnyOrder(THUMBS, THUMBS, HEART));
        as(bob).delete(reactions + "/{e}", room, message, THUMBS).then().statusCode(204);
        as(bob).delete(reactions + "/{e}", room, message, THUMBS).then().statusCode(204);
        as(bob).get(reactions, room, message).then().statusCode(200).body("userId", containsInAnyOrder(alice, alice));

        as(bob).put(reactions + "/{e}", room, message, "a b").then().statusCode(400)
                .body("type", equalTo("https://realtime.dev/problems/invalid-emoji"));
        as(TestNames.unique("mallory")).put(reactions + "/{e}", room, message, THUMBS).then().statusCode(404);

        // a last message after the reactions: once it is on the room's partition, every reaction event is too
        ChatApi.post(alice, room, "c-2", "marker");
        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            events.await(r -> room.equals(r.key()) && TopicReader.value(r).contains("\"clientMessageId\":\"c-2\""),
                    Duration.ofSeconds(30));
            List<String> changes = events.seen().stream().filter(r -> room.equals(r.key())
                    && TopicReader.header(r, EventHeaders.EVENT_TYPE).startsWith("reaction.")).map(ReactionTest::describe)
                    .toList();
            assertEquals(List.of("reaction.added " + bob + " " + THUMBS, "reaction.added " + alice + " " + THUMBS,
                    "reaction.added " + alice + " " + HEART, "reaction.removed " + bob + " " + THUMBS), changes);
        }
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        String type = TopicReader.header(record, EventHeaders.EVENT_TYPE);
        var data = TopicReader.assertEnvelope(record, type, "chat-service", record.key()).path("data");
        assertEquals("room:" + record.key(), TopicReader.header(record, EventHeaders.CHANNELS));
        return type + " " + data.path("userId").asText() + " " + data.path("emoji").asText();
    }
}
