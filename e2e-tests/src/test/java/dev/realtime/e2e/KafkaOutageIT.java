package dev.realtime.e2e;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;

/**
 * Kafka down is not a lost event: booking-service keeps accepting bookings (the event waits in its outbox), and once
 * the broker is back the event reaches the sockets that stayed open through the outage, on both gateway replicas.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaOutageIT {

    /** The relay retries with a backoff of at most 5 s, the gateway's consumer reconnects on its own. */
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(60);

    @Test
    void bookingMadeWhileKafkaIsDownIsDeliveredOnceKafkaIsBack(LocalStack stack) throws Exception {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");

        try (GatewaySocket aliceSocket = suite.connect(alice, 1);
                GatewaySocket aliceOnSecond = suite.connect(alice, 2)) {
            suite.welcome(aliceSocket, alice);
            suite.welcome(aliceOnSecond, alice);

            String bookingId;
            stack.kafka().stop();
            try {
                bookingId = suite.createBooking(alice, "tour-during-outage").expect(201).json().path("id").asText();
            } finally {
                // whatever happened, the other tests need their broker back
                stack.kafka().start();
            }

            aliceSocket.awaitBookingCreated(bookingId, AFTER_RECOVERY);
            aliceOnSecond.awaitBookingCreated(bookingId, AFTER_RECOVERY);
        }
    }
}
