package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

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
    private static final String BOOKING_CREATED = "booking.created";

    @Test
    void bookingCreatedReachesTheOwnerAndTheAdminsButNoOtherUser(LocalStack stack) throws Exception {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");
        Suite.User bob = suite.register("bob");
        Suite.User admin = suite.admin();

        // bob and the admin share the second gateway replica: once the admin has alice's booking, that replica has
        // dispatched it, so a copy for bob would already be on his socket, ahead of anything he causes later
        try (GatewaySocket aliceSocket = suite.connect(alice, 1);
                GatewaySocket bobSocket = suite.connectAsBrowser(bob, 2);
                GatewaySocket adminSocket = suite.connect(admin, 2)) {
            suite.welcome(aliceSocket, alice);
            assertEquals(GatewaySocket.TOKEN_CARRIER_PROTOCOL, bobSocket.subprotocol(), "bob connects as a browser");
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

            JsonNode toAlice = aliceSocket.awaitEvent(BOOKING_CREATED, bookingId, DELIVERY);
            assertEquals("booking.events", toAlice.path("topic").asText(), "frame: " + toAlice);
            assertEquals(alice.id(), toAlice.path("event").path("data").path("ownerId").asText(), "event: " + toAlice);
            adminSocket.awaitEvent(BOOKING_CREATED, bookingId, DELIVERY);

            // bob waits for the event of his own booking by type and id (not for whatever event comes first: his
            // own user.registered may come first), and nothing he received up to it may be about alice's booking
            String bobsBookingId = suite.createBooking(bob, "tour-porto").expect(201).json().path("id").asText();
            List<String> toBob = bobSocket.rawFramesUntil(
                    frame -> GatewaySocket.isEvent(frame, BOOKING_CREATED, bobsBookingId), DELIVERY);
            assertTrue(toBob.stream().noneMatch(frame -> frame.contains(bookingId)),
                    "bob received a frame about alice's booking " + bookingId + ": " + toBob);
            // and the admin sees bob's booking too
            adminSocket.awaitEvent(BOOKING_CREATED, bobsBookingId, DELIVERY);
        }
    }
}
