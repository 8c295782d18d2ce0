package dev.realtime.booking.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.booking.bookings.Api;
import dev.realtime.booking.model.BookingAction;
import dev.realtime.booking.service.BookingService;
import dev.realtime.booking.service.Caller;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestKafka;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Acceptance 3: every change of a booking is exactly one event on {@code booking.events}, in the booking's commit
 * order, also when the broker was down while the change was made, and a change that rolls back is none.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class BookingEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The relay's backoff is at most 5 s; the rest is the broker's own recovery. */
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(60);

    @Inject
    BookingService bookings;

    @Test
    void eachActionIsOneEventOfItsTypeStampedWithTheChangesTime() throws Exception {
        String customer = Api.newUser("journey");
        String id = Api.booking(customer, Api.tour(3));
        Api.done(Api.ADMIN, id, "confirm");
        Api.done(customer, id, "pay");
        Api.done(Api.ADMIN, id, "complete");
        Api.done(Api.ADMIN, id, "refund");

        List<JsonNode> events = eventsOf(id, 5, Duration.ofSeconds(20));
        assertEquals(List.of("booking.created", "booking.confirmed", "booking.paid", "booking.completed",
                "booking.refunded"), events.stream().map(e -> e.get("type").asText()).toList());
        for (int version = 0; version < events.size(); version++) {
            JsonNode event = events.get(version);
            assertEquals(version, event.get("data").get("version").asInt(), "version of " + event.get("type"));
            assertEquals(event.get("data").get("updatedAt").asText(), event.get("time").asText(),
                    "time of " + event.get("type"));
        }
        assertEquals("REFUNDED", events.get(4).get("data").get("paymentStatus").asText());
        assertEquals("COMPLETED", events.get(4).get("data").get("status").asText());
    }

    /**
     * Customers and an admin act on the same bookings at once. Whatever order the row locks give, each booking's
     * events carry the versions 0, 1, 2, ... one after the other: their topic order is their commit order, with no
     * event missing or twice.
     */
    @Test
    void concurrentActionsOnOneBookingArePublishedInCommitOrder() throws Exception {
        String tour = Api.tour(20);
        List<String> customers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(Api.newUser("racing"));
            ids.add(Api.booking(customers.get(i), tour));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String customer = customers.get(i);
                for (String[] step : new String[][] { { Api.ADMIN, "confirm" }, { customer, "pay" },
                        { Api.ADMIN, "complete" } }) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return Api.act(step[0], id, step[1]).statusCode();
                    }));
                }
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                assertEquals(true, status == 200 || status == 409, "answered " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            int version = io.restassured.RestAssured.given().auth().oauth2(Api.ADMIN).get("/bookings/" + id).then()
                    .extract().path("version");
            List<JsonNode> events = eventsOf(id, version + 1, Duration.ofSeconds(20));
            for (int v = 0; v <= version; v++) {
                assertEquals(v, events.get(v).get("data").get("version").asInt(), "booking " + id + " " + events);
            }
        }
    }

    @Test
    void aChangeThatRollsBackPublishesNothing() throws Exception {
        String customer = Api.newUser("rollback");
        String id = Api.booking(customer, Api.tour(3));
        Caller admin = new Caller("root", true);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            bookings.act(UUID.fromString(id), BookingAction.CONFIRM, admin, null);
            throw new IllegalStateException("the change fails after its event was written");
        }));
        // refused requests are no change either
        assertEquals(403, Api.act(customer, id, "confirm").statusCode());
        assertEquals(409, Api.act(Api.ADMIN, id, "complete").statusCode());
        Api.done(customer, id, "cancel");

        List<JsonNode> events = eventsOf(id, 2, Duration.ofSeconds(20));
        assertEquals(List.of("booking.created", "booking.cancelled"),
                events.stream().map(e -> e.get("type").asText()).toList());
        assertEquals(1, events.get(1).get("data").get("version").asInt(), "the rolled-back confirm left no version");
    }

    /**
     * The broker is down while a booking is made and changed; once it is back, each change arrives, once, in order.
     * Repeated: the relay's retry meets the returning broker at a different point each time.
     */
    @RepeatedTest(3)
    void changesMadeWhileTheBrokerIsDownArriveOnceItIsBack() throws Exception {
        String customer = Api.newUser("outage");
        String tour = Api.tour(3);
        String id;
        TestKafka.stopBroker();
        try {
            id = Api.booking(customer, tour);
            Api.done(Api.ADMIN, id, "confirm");
            Api.done(customer, id, "pay");
        } finally {
            TestKafka.startBroker();
        }
        List<JsonNode> events = eventsOf(id, 3, AFTER_RECOVERY);
        assertEquals(List.of("booking.created", "booking.confirmed", "booking.paid"),
                events.stream().map(e -> e.get("type").asText()).toList());
    }

    /**
     * The booking's events, read from the beginning until {@code expected} of them have come, then a little longer
     * to see that no more (no duplicate) follow; each is checked as an envelope to the booking's channels.
     */
    private static List<JsonNode> eventsOf(String id, int expected, Duration timeout) throws IOException {
        try (TopicReader reader = TopicReader.fromBeginning("booking.events")) {
            // each await tests the records in the order read, each once
            int[] counted = { 0 };
            reader.await(r -> id.equals(r.key()) && ++counted[0] == expected, timeout);
            // a duplicate would be relayed right behind the original: read on for a moment
            int[] recounted = { 0 };
            assertThrows(AssertionError.class, () -> reader.await(
                    r -> id.equals(r.key()) && ++recounted[0] > expected, Duration.ofSeconds(2)),
                    "more than " + expected + " events for booking " + id);
            List<JsonNode> events = new ArrayList<>();
            Set<String> eventIds = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : reader.seen()) {
                if (!id.equals(record.key())) {
                    continue;
                }
                JsonNode event = TopicReader.assertEnvelope(record, TopicReader.header(record, EventHeaders.EVENT_TYPE),
                        "booking-service", id);
                assertEquals(true, eventIds.add(event.get("id").asText()), "event id twice: " + event);
                String owner = event.get("data").get("ownerId").asText();
                assertEquals("user:" + owner + ",role:admin,booking:" + id,
                        TopicReader.header(record, EventHeaders.CHANNELS));
                events.add(JSON.readTree(record.value()));
            }
            return events;
        }
    }
}
