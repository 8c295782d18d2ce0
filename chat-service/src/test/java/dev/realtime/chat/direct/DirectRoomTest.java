package dev.realtime.chat.direct;

import static dev.realtime.chat.support.ChatApi.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.realtime.chat.repository.RoomRepository;
import dev.realtime.chat.support.ChatApi;
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

/** Direct conversations: exactly one room per pair of users, however many ask at once and from which side. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class DirectRoomTest {

    private static final int CALLERS = 6;

    @Inject
    RoomRepository rooms;

    @Test
    void concurrentCreatesForOnePairYieldOneRoom() throws Exception {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                String caller = i % 2 == 0 ? alice : bob;
                String other = caller.equals(alice) ? bob : alice;
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(caller).put("/rooms/direct/{user}", other).then().statusCode(200)
                            .body("kind", equalTo("DIRECT")).extract().<String>path("id");
                }));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, ids.size(), "one room for the pair: " + ids);
            String room = ids.iterator().next();

            long direct = QuarkusTransaction.requiringNew().call(() -> rooms.listForMember(alice).stream()
                    .filter(r -> r.kind.name().equals("DIRECT") && rooms.findForMember(r.id, bob).isPresent()).count());
            assertEquals(1, direct, "one DIRECT room holds both");
            as(bob).get("/rooms/{id}/members", room).then().statusCode(200).body("userId", containsInAnyOrder(alice, bob));
            as(alice).get("/rooms/{id}/access", room).then().statusCode(204);

            // a message after the creates: once it is on the room's partition, any second room.created would be too
            ChatApi.post(alice, room, "after", "hi bob");
            try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
                events.await(r -> room.equals(r.key())
                        && "message.posted".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)), Duration.ofSeconds(30));
                List<ConsumerRecord<String, byte[]>> created = events.seen().stream().filter(r -> room.equals(r.key())
                        && "room.created".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE))).toList();
                assertEquals(1, created.size());
                Set<String> channels = Set.of(TopicReader.header(created.get(0), EventHeaders.CHANNELS).split(","));
                assertEquals(Set.of("user:" + alice, "user:" + bob, "room:" + room), channels);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDirectRoomsMembersAreFixed() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String room = as(alice).put("/rooms/direct/{user}", bob).then().statusCode(200).extract().path("id");
        as(alice).put("/rooms/{id}/members/{user}", room, TestNames.unique("carol")).then().statusCode(409)
                .body("type", equalTo("https://realtime.dev/problems/direct-room"));
        as(bob).delete("/rooms/{id}/members/{user}", room, bob).then().statusCode(409);
        as(alice).put("/rooms/direct/{user}", alice).then().statusCode(400)
                .body("type", equalTo("https://realtime.dev/problems/direct-with-self"));
        assertEquals(Set.of(alice, bob), Set.copyOf(as(alice).get("/rooms/{id}/members", room).then().statusCode(200)
                .extract().jsonPath().getList("userId", String.class)).stream().collect(Collectors.toSet()));
    }
}
