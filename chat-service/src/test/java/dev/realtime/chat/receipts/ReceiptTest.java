package dev.realtime.chat.receipts;

import static dev.realtime.chat.support.ChatApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
import io.restassured.path.json.JsonPath;

/** Read receipts and unread counts of three members, against a model of the same sends and reads. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class ReceiptTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void receiptsAndUnreadCountsAgreeAfterAMixOfSendsAndReads() {
        String alice = TestNames.unique("alice");
        List<String> users = List.of(alice, TestNames.unique("bob"), TestNames.unique("carol"));
        String room = ChatApi.createRoom(alice);
        ChatApi.addMember(alice, room, users.get(1));
        ChatApi.addMember(alice, room, users.get(2));

        List<String> senders = new ArrayList<>();
        Map<String, Long> lastRead = new HashMap<>();
        users.forEach(u -> lastRead.put(u, 0L));
        Random random = new Random(20261202L);
        for (int step = 0; step < 40; step++) {
            String user = users.get(random.nextInt(users.size()));
            int action = random.nextInt(4);
            if (action <= 1 || senders.isEmpty()) {
                ChatApi.post(user, room, "m-" + step, "step " + step);
                senders.add(user);
            } else if (action == 2) {
                long seq = random.nextInt(senders.size() + 3);
                long expected = Math.max(lastRead.get(user), Math.min(seq, senders.size()));
                as(user).body(Map.of("seq", seq)).put("/rooms/{id}/read", room).then().statusCode(200)
                        .body("lastReadSeq", equalTo((int) expected));
                lastRead.put(user, expected);
            } else {
                as(user).body(Map.of()).put("/rooms/{id}/read", room).then().statusCode(200)
                        .body("lastReadSeq", equalTo(senders.size()));
                lastRead.put(user, (long) senders.size());
            }
            for (String member : users) {
                long unread = 0;
                for (int seq = (int) (long) lastRead.get(member) + 1; seq <= senders.size(); seq++) {
                    unread += senders.get(seq - 1).equals(member) ? 0 : 1;
                }
                as(member).get("/rooms/{id}/read", room).then().statusCode(200)
                        .body("lastReadSeq", equalTo((int) (long) lastRead.get(member)))
                        .body("unread", equalTo((int) unread));
            }
        }

        JsonPath list = as(alice).get("/rooms/{id}/members", room).then().statusCode(200).extract().jsonPath();
        for (String member : users) {
            assertEquals(lastRead.get(member), list.getLong("find { it.userId == '" + member + "' }.lastReadSeq"));
        }
        // a mark at the end, so that every earlier receipt event of the room is on the broker before it
        String marker = TestNames.unique("marker");
        ChatApi.addMember(alice, room, marker);
        ChatApi.post(alice, room, "last", "last");
        as(marker).body(Map.of()).put("/rooms/{id}/read", room).then().statusCode(200);
        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            events.await(r -> receipt(r, room) && TopicReader.value(r).contains(marker), TIMEOUT);
            Map<String, Long> published = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : events.seen()) {
                if (receipt(record, room)) {
                    JsonNode data = TopicReader.assertEnvelope(record, "receipt.updated", "chat-service", room)
                            .path("data");
                    long seq = data.path("lastReadSeq").asLong();
                    Long before = published.put(data.path("userId").asText(), seq);
                    assertEquals(true, before == null || before < seq, "a receipt event moved forward");
                    assertEquals("room:" + room, TopicReader.header(record, EventHeaders.CHANNELS));
                }
            }
            for (String member : users) {
                assertEquals(lastRead.get(member), published.getOrDefault(member, 0L), "last receipt event of " + member);
            }
        }
    }

    @Test
    void aStrangerHasNoReceipt() {
        String room = ChatApi.createRoom(TestNames.unique("alice"));
        as(TestNames.unique("mallory")).get("/rooms/{id}/read", room).then().statusCode(404);
        as(TestNames.unique("mallory")).body(Map.of()).put("/rooms/{id}/read", room).then().statusCode(404);
    }

    private static boolean receipt(ConsumerRecord<String, byte[]> record, String room) {
        return room.equals(record.key()) && "receipt.updated".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE));
    }
}
