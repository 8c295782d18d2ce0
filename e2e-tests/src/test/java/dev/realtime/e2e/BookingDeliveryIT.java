package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.ApiClient;
import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;

/**
 * A booking made over REST reaches, through booking-service's outbox, Kafka and the gateway, the sockets of its
 * owner and of the admins, and no one else's.
 */
@ExtendWith(LocalStackExtension.class)
class BookingDeliveryIT {

    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @Test
    void bookingCreatedReachesTheOwnerAndTheAdminsButNoOtherUser(LocalStack stack) throws Exception {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");
        Suite.User bob = suite.register("bob");
        Suite.User admin = suite.admin();

        try (GatewaySocket aliceSocket = suite.connect(alice);
                GatewaySocket bobSocket = suite.connectAsBrowser(bob);
                GatewaySocket adminSocket = suite.connect(admin)) {
            suite.welcome(aliceSocket, alice);
            suite.welcome(bobSocket, bob);
            JsonNode adminWelcome = suite.welcome(adminSocket, admin);
            assertTrue(Suite.contains(adminWelcome.path("channels"), "role:admin"),
                    "the admin is subscribed to role:admin: " + adminWelcome);

            ApiClient.Response created = suite.createBooking(alice, "tour-lisbon").expect(201);
            JsonNode booking = created.json();
            String bookingId = booking.path("id").asText();
            assertEquals(alice.id(), booking.path("ownerId").asText(), "owner: " + booking);
            assertEquals("PENDING", booking.path("status").asText(), "status: " + booking);
            assertNotNull(created.header("Location"), "201 with a Location header");

            JsonNode toAlice = aliceSocket.awaitBookingCreated(bookingId, DELIVERY);
            assertEquals("booking.events", toAlice.path("topic").asText(), "frame: " + toAlice);
            assertEquals(alice.id(), toAlice.path("event").path("data").path("ownerId").asText(), "event: " + toAlice);
            adminSocket.awaitBookingCreated(bookingId, DELIVERY);

            // Had bob been subscribed to alice's booking, its frame would have reached him together with alice's,
            // so before anything he causes now: the first event frame he receives must be about his own booking.
            String bobsBookingId = suite.createBooking(bob, "tour-porto").expect(201).json().path("id").asText();
            JsonNode firstToBob = bobSocket.nextEvent(DELIVERY);
            assertEquals("booking.created", firstToBob.path("event").path("type").asText(), "frame: " + firstToBob);
            assertEquals(bobsBookingId, firstToBob.path("event").path("data").path("id").asText(),
                    "bob's first event is his own booking, not alice's " + bookingId + ": " + firstToBob);
            // and the admin sees bob's booking too
            adminSocket.awaitBookingCreated(bobsBookingId, DELIVERY);
        }
    }
}
