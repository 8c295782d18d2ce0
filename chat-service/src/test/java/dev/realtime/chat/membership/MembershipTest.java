package dev.realtime.chat.membership;

import static dev.realtime.chat.support.ChatApi.as;
import static dev.realtime.chat.support.ChatApi.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.chat.support.ChatApi;
import dev.realtime.chat.support.GatewayCommands;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Joining, leaving, adding and removing members, each published to the room and to the member; a member who is
 * gone loses the room at once: its access check, its sends, and (through the revocation headers the records
 * carry, read back from the real broker) its gateway subscription.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class MembershipTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    @Test
    void anyoneJoinsAnOpenRoomAndNobodyJoinsAClosedOne() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String open = ChatApi.createRoom(alice, true);
        String closed = ChatApi.createRoom(alice, false);

        as(bob).put("/rooms/{id}/members/{user}", open, bob).then().statusCode(200)
                .body("userId", equalTo(bob)).body("role", equalTo("MEMBER"));
        as(bob).put("/rooms/{id}/members/{user}", open, bob).then().statusCode(200);
        as(bob).get("/rooms/{id}/access", open).then().statusCode(204);
        as(bob).get("/rooms/{id}/members", open).then().statusCode(200).body("userId", contains(alice, bob));

        as(bob).put("/rooms/{id}/members/{user}", closed, bob).then().statusCode(403).contentType(startsWith(PROBLEM));
        as(bob).get("/rooms/{id}/access", closed).then().statusCode(403);
        as(bob).put("/rooms/{id}/members/{user}", UUID.randomUUID(), bob).then().statusCode(404);

        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> joined = events.await(r -> is(r, "room.member-joined", open, bob), TIMEOUT);
            assertEquals("room:" + open + ",user:" + bob, TopicReader.header(joined, EventHeaders.CHANNELS));
            assertNull(TopicReader.header(joined, EventHeaders.REVOKE), "a join revokes nothing");
            JsonNode data = TopicReader.assertEnvelope(joined, "room.member-joined", "chat-service", open).path("data");
            assertEquals(bob, data.path("by").asText());
            assertEquals("MEMBER", data.path("role").asText());
            // the second join changed nothing: the room's next event comes after one join only
            ChatApi.addMember(alice, open, TestNames.unique("marker"));
            events.await(r -> open.equals(r.key()) && "room.member-added".equals(type(r)), TIMEOUT);
            assertEquals(1, events.seen().stream().filter(r -> is(r, "room.member-joined", open, bob)).count());
        }
    }

    @Test
    void theOwnerAndAdminsAddMembersAndOthersDoNot() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String carol = TestNames.unique("carol");
        String dave = TestNames.unique("dave");
        String room = ChatApi.createRoom(alice);

        ChatApi.addMember(alice, room, bob);
        as(bob).put("/rooms/{id}/members/{user}", room, carol).then().statusCode(403).contentType(startsWith(PROBLEM));
        as(carol).get("/rooms/{id}/access", room).then().statusCode(403);
        asAdmin(TestNames.unique("admin")).put("/rooms/{id}/members/{user}", room, dave).then().statusCode(200);
        as(dave).get("/rooms/{id}/access", room).then().statusCode(204);

        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> added = events.await(r -> is(r, "room.member-added", room, bob), TIMEOUT);
            assertEquals("room:" + room + ",user:" + bob, TopicReader.header(added, EventHeaders.CHANNELS));
            assertEquals(alice, TopicReader.assertEnvelope(added, "room.member-added", "chat-service", room)
                    .path("data").path("by").asText());
            events.await(r -> is(r, "room.member-added", room, dave), TIMEOUT);
        }
    }

    @Test
    void aMemberWhoLeavesIsRevokedAndCanNoLongerSend() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String room = ChatApi.createRoom(alice);
        ChatApi.addMember(alice, room, bob);

        as(bob).delete("/rooms/{id}/members/{user}", room, bob).then().statusCode(204);
        as(bob).get("/rooms/{id}/access", room).then().statusCode(403);
        as(bob).delete("/rooms/{id}/members/{user}", room, bob).then().statusCode(404);

        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> left = events.await(r -> is(r, "room.member-left", room, bob), TIMEOUT);
            assertRevokes(left, room, bob);
            assertEquals(bob, TopicReader.assertEnvelope(left, "room.member-left", "chat-service", room)
                    .path("data").path("by").asText());
        }
        as(bob).body(Map.of("clientMessageId", "c-1", "body", "still here?")).post("/rooms/{id}/messages", room)
                .then().statusCode(403).body("type", equalTo("https://realtime.dev/problems/not-a-member"));
    }

    @Test
    void aRemovedMemberIsRevokedAndTheirCommandsAreRejected() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String carol = TestNames.unique("carol");
        String room = ChatApi.createRoom(alice);
        ChatApi.addMember(alice, room, bob);
        ChatApi.addMember(alice, room, carol);

        as(bob).delete("/rooms/{id}/members/{user}", room, carol).then().statusCode(403);
        as(alice).delete("/rooms/{id}/members/{user}", room, bob).then().statusCode(204);
        asAdmin(TestNames.unique("admin")).delete("/rooms/{id}/members/{user}", room, carol).then().statusCode(204);
        as(bob).get("/rooms/{id}/access", room).then().statusCode(403);

        try (TopicReader events = TopicReader.fromBeginning("chat.events");
                GatewayCommands gateway = new GatewayCommands()) {
            ConsumerRecord<String, byte[]> removed = events.await(r -> is(r, "room.member-removed", room, bob), TIMEOUT);
            assertRevokes(removed, room, bob);
            assertEquals(alice, TopicReader.assertEnvelope(removed, "room.member-removed", "chat-service", room)
                    .path("data").path("by").asText());
            assertRevokes(events.await(r -> is(r, "room.member-removed", room, carol), TIMEOUT), room, carol);

            gateway.send(room, bob, "c-after", "am I still in?");
            ConsumerRecord<String, byte[]> rejected = events.await(r -> "message.rejected".equals(type(r))
                    && ("user:" + bob).equals(TopicReader.header(r, EventHeaders.CHANNELS)), TIMEOUT);
            assertEquals("not-a-member", TopicReader.assertEnvelope(rejected, "message.rejected", "chat-service", room)
                    .path("data").path("reason").asText());
        }
    }

    @Test
    void theOwnerStays() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        as(alice).delete("/rooms/{id}/members/{user}", room, alice).then().statusCode(409)
                .contentType(startsWith(PROBLEM)).body("type", equalTo("https://realtime.dev/problems/owner-stays"));
        as(alice).get("/rooms/{id}/access", room).then().statusCode(204);
    }

    private static void assertRevokes(ConsumerRecord<String, byte[]> record, String room, String user) {
        assertEquals("room:" + room, TopicReader.header(record, EventHeaders.REVOKE));
        assertEquals(user, TopicReader.header(record, EventHeaders.REVOKE_SUBJECTS));
        assertEquals("room:" + room + ",user:" + user, TopicReader.header(record, EventHeaders.CHANNELS));
    }

    private static boolean is(ConsumerRecord<String, byte[]> record, String type, String room, String user) {
        return room.equals(record.key()) && type.equals(type(record))
                && TopicReader.value(record).contains("\"userId\":\"" + user + "\"");
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicReader.header(record, EventHeaders.EVENT_TYPE);
    }
}
