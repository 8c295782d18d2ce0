package dev.realtime.chat.booking;

import static dev.realtime.chat.support.ChatApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.realtime.chat.repository.AdminUserRepository;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import dev.realtime.platform.test.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A booking's room, opened from booking-service's {@code booking.created} with its owner and the admins that
 * auth-service announced; the records are written as those services write them (their envelopes and headers).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class BookingRoomTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AdminUserRepository admins;

    @Test
    void aCreatedBookingGetsItsRoomWithTheOwnerAndTheAdmins() {
        String admin = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        String owner = TestNames.unique("owner");
        String booking = UUID.randomUUID().toString();
        try (TopicWriter writer = TopicWriter.open()) {
            writeEvent(writer, "auth.user-events", admin, "user.registered", "auth-service",
                    "{\"id\":\"" + admin + "\",\"username\":\"boss\",\"displayName\":\"Boss\",\"roles\":[\"user\",\"admin\"]}",
                    "user:" + admin);
            writeEvent(writer, "auth.user-events", user, "user.registered", "auth-service",
                    "{\"id\":\"" + user + "\",\"username\":\"joe\",\"displayName\":\"Joe\",\"roles\":[\"user\"]}",
                    "user:" + user);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (QuarkusTransaction.requiringNew().call(() -> admins.findByIdOptional(admin).isEmpty())) {
                assertTrue(System.nanoTime() < deadline, "the admin's registration was not consumed");
                Thread.onSpinWait();
            }
            writeEvent(writer, "booking.events", booking, "booking.created", "booking-service",
                    "{\"id\":\"" + booking + "\",\"ownerId\":\"" + owner + "\",\"tourId\":\"porto\",\"startsOn\":"
                            + "\"2027-05-01\",\"guests\":2,\"status\":\"PENDING\",\"createdAt\":\"" + Instant.now()
                            + "\",\"updatedAt\":\"" + Instant.now() + "\"}",
                    "user:" + owner + ",role:admin,booking:" + booking);
            // a redelivery of the booking changes nothing
            writeEvent(writer, "booking.events", booking, "booking.created", "booking-service",
                    "{\"id\":\"" + booking + "\",\"ownerId\":\"" + owner + "\"}", "user:" + owner);
        }

        try (TopicReader events = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> created = events.await(r -> booking.equals(r.key())
                    && "room.created".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)), TIMEOUT);
            Set<String> channels = Set.of(TopicReader.header(created, EventHeaders.CHANNELS).split(","));
            assertTrue(channels.containsAll(List.of("user:" + owner, "user:" + admin, "room:" + booking)), channels.toString());
            assertTrue(!channels.contains("user:" + user), "a plain user is no member");
        }
        as(owner).get("/rooms/{id}", booking).then().statusCode(200).body("kind", equalTo("BOOKING"));
        as(owner).get("/rooms/{id}/members", booking).then().statusCode(200)
                .body("userId", hasItems(owner, admin))
                .body("find { it.userId == '" + owner + "' }.role", equalTo("OWNER"));
        as(admin).get("/rooms/{id}/access", booking).then().statusCode(204);
        as(user).get("/rooms/{id}/access", booking).then().statusCode(403);
    }

    private static void writeEvent(TopicWriter writer, String topic, String subject, String type, String source,
            String data, String channels) {
        String id = UUID.randomUUID().toString();
        writer.to(topic).key(subject)
                .header(EventHeaders.CHANNELS, channels)
                .header(EventHeaders.EVENT_TYPE, type)
                .header(EventHeaders.EVENT_ID, id)
                .send("{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"source\":\"" + source + "\",\"time\":\""
                        + Instant.now() + "\",\"subject\":\"" + subject + "\",\"data\":" + data + "}");
    }
}
