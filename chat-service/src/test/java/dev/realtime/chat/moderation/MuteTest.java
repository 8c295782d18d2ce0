package dev.realtime.chat.moderation;

import static dev.realtime.chat.support.ChatApi.as;
import static dev.realtime.chat.support.ChatApi.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

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

/** A muted member's sends are refused, over REST and from the gateway, until the mute ends. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class MuteTest {

    @Test
    void aMutedMembersSendsAreRefusedUntilTheMuteEnds() {
        String alice = TestNames.unique("alice");
        String bob = TestNames.unique("bob");
        String room = ChatApi.createRoom(alice);
        ChatApi.addMember(alice, room, bob);

        as(bob).body(Map.of("seconds", 60)).put("/rooms/{id}/members/{user}/mute", room, alice).then().statusCode(403);
        String until = asAdmin(TestNames.unique("admin")).body(Map.of("seconds", 3))
                .put("/rooms/{id}/members/{user}/mute", room, bob).then().statusCode(200).extract().path("mutedUntil");
        Instant mutedUntil = Instant.parse(until);

        try (GatewayCommands gateway = new GatewayCommands();
                TopicReader events = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> muted = events.await(r -> room.equals(r.key())
                    && "room.member-muted".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)), Duration.ofSeconds(30));
            assertEquals("room:" + room + ",user:" + bob, TopicReader.header(muted, EventHeaders.CHANNELS));
            assertEquals(until, TopicReader.assertEnvelope(muted, "room.member-muted", "chat-service", room)
                    .path("data").path("mutedUntil").asText());

            gateway.send(room, bob, "c-muted", "can I speak?");
            ConsumerRecord<String, byte[]> rejected = events.await(r -> "message.rejected".equals(
                    TopicReader.header(r, EventHeaders.EVENT_TYPE)) && TopicReader.value(r).contains("c-muted"),
                    Duration.ofSeconds(30));
            assertEquals("muted", TopicReader.assertEnvelope(rejected, "message.rejected", "chat-service", room)
                    .path("data").path("reason").asText());
        }

        // refused while muted, accepted once the mute has ended: polled with a deadline, never slept through
        int refusals = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            int status = as(bob).body(Map.of("clientMessageId", "c-rest", "body", "now?"))
                    .post("/rooms/{id}/messages", room).then().extract().statusCode();
            if (status == 201) {
                break;
            }
            assertEquals(403, status);
            assertTrue(Instant.now().isBefore(mutedUntil.plusSeconds(1)), "refused after the mute ended");
            assertTrue(System.nanoTime() < deadline, "the mute never ended");
            refusals++;
        }
        assertTrue(refusals > 0, "the mute refused a send");
        assertTrue(!Instant.now().isBefore(mutedUntil), "accepted before the mute ended");
        as(alice).body(Map.of("clientMessageId", "c-alice", "body", "welcome back"))
                .post("/rooms/{id}/messages", room).then().statusCode(201).body("seq", equalTo(2));
    }
}
