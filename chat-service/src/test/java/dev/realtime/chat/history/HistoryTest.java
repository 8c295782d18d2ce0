package dev.realtime.chat.history;

import static dev.realtime.chat.support.ChatApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.realtime.chat.support.ChatApi;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** History pages over the room's sequence, newest first, stable while messages are added; visible from the join on. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class HistoryTest {

    private static final int SENDERS = 3;
    private static final int BEFORE_WALK = 30;
    private static final int PER_SENDER = 25;

    @Test
    void aWalkMeetsEveryMessageOnceInSeqOrderWhileOthersAreSending() throws Exception {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        List<String> senders = new ArrayList<>(List.of(alice));
        for (int i = 1; i < SENDERS; i++) {
            senders.add(TestNames.unique("member"));
            ChatApi.addMember(alice, room, senders.get(i));
        }
        for (int i = 0; i < BEFORE_WALK; i++) {
            ChatApi.post(alice, room, "before-" + i, "message " + i);
        }

        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> sending = new ArrayList<>();
        for (String sender : senders) {
            sending.add(pool.submit(() -> {
                for (int i = 0; i < PER_SENDER; i++) {
                    ChatApi.post(sender, room, "during-" + i, sender + " " + i);
                    sent.incrementAndGet();
                }
            }));
        }
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sent.get() < SENDERS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            int sentAtStart = sent.get();
            List<Long> walk = walk(alice, room, 4);
            int sentAtEnd = sent.get();
            assertTrue(sentAtEnd > sentAtStart && sentAtEnd < SENDERS * PER_SENDER,
                    "the walk overlapped the sends: " + sentAtStart + " -> " + sentAtEnd);

            long top = walk.get(0);
            assertTrue(top >= BEFORE_WALK, "the first page starts at the newest message: " + top);
            List<Long> expected = new ArrayList<>();
            for (long seq = top; seq >= 1; seq--) {
                expected.add(seq);
            }
            assertEquals(expected, walk, "every message below the first page's newest, once, newest first");
        } finally {
            for (Future<?> future : sending) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }

        int total = BEFORE_WALK + SENDERS * PER_SENDER;
        List<Long> all = walk(alice, room, 7);
        assertEquals(total, all.size());
        assertEquals(total, all.get(0));
        assertEquals(1, all.get(all.size() - 1));
        Set<String> sentIds = new HashSet<>();
        for (String page : pages(alice, room, 50)) {
            for (Map<?, ?> message : JsonPath.from(page).getList("messages", Map.class)) {
                sentIds.add(message.get("senderId") + " " + message.get("clientMessageId"));
            }
        }
        assertEquals(total, sentIds.size(), "each sent message is in the history once");
    }

    @Test
    void aMemberSeesHistoryFromTheirJoinUnlessTheRoomShowsItAll() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String room = ChatApi.createRoom(alice);
        String shown = as(alice).body(Map.of("name", "full", "fullHistory", true)).post("/rooms")
                .then().statusCode(201).extract().path("id");
        for (String r : List.of(room, shown)) {
            ChatApi.post(alice, r, "a-1", "before bob");
            ChatApi.post(alice, r, "a-2", "still before bob");
            ChatApi.addMember(alice, r, bob);
            ChatApi.post(alice, r, "a-3", "bob is here");
        }
        assertEquals(List.of(3L), walk(bob, room, 10));
        assertEquals(List.of(3L, 2L, 1L), walk(alice, room, 10));
        assertEquals(List.of(3L, 2L, 1L), walk(bob, shown, 10));

        String early = as(alice).get("/rooms/{id}/messages?limit=1&before=2", room).then().statusCode(200)
                .extract().path("messages[0].messageId");
        as(bob).get("/rooms/{id}/messages/{m}", room, early).then().statusCode(404);
    }

    @Test
    void aNonMemberReadsNoHistory() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String room = ChatApi.createRoom(alice);
        ChatApi.post(alice, room, "a-1", "private");
        as(TestNames.unique("mallory")).get("/rooms/{id}/messages", room).then().statusCode(404);

        ChatApi.addMember(alice, room, bob);
        as(bob).get("/rooms/{id}/messages", room).then().statusCode(200);
        as(alice).delete("/rooms/{id}/members/{user}", room, bob).then().statusCode(204);
        as(bob).get("/rooms/{id}/messages", room).then().statusCode(404);
    }

    /** The seqs of every page walked down from the newest, in the order read. */
    private static List<Long> walk(String user, String room, int limit) {
        List<Long> seqs = new ArrayList<>();
        for (String page : pages(user, room, limit)) {
            JsonPath.from(page).getList("messages.seq", Long.class).forEach(seqs::add);
        }
        return seqs;
    }

    private static List<String> pages(String user, String room, int limit) {
        List<String> pages = new ArrayList<>();
        Object before = null;
        do {
            var request = as(user).queryParam("limit", limit);
            if (before != null) {
                request = request.queryParam("before", before);
            }
            String page = request.get("/rooms/{id}/messages", room).then().statusCode(200).extract().asString();
            pages.add(page);
            before = JsonPath.from(page).get("nextBefore");
        } while (before != null && pages.size() < 1000);
        return pages;
    }
}
