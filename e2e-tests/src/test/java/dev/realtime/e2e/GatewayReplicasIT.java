package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Replica;
import dev.realtime.stack.Service;

/**
 * The stack runs the gateway as two processes, and each delivers every event: every replica reads every partition
 * of the delivery topics (manual assignment, no consumer group), so a client may connect to any of them.
 */
@ExtendWith(LocalStackExtension.class)
class GatewayReplicasIT {

    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @Test
    void theStackRunsEachGatewayReplicaAsItsOwnProcessWithItsOwnPortAndLog(LocalStack stack) throws Exception {
        List<Replica> gateways = stack.replicas(Service.GATEWAY);
        assertEquals(LocalStackExtension.GATEWAYS, gateways.size(), "gateway replicas: " + gateways);
        assertNotEquals(gateways.get(0).port(), gateways.get(1).port());
        for (Replica gateway : gateways) {
            assertTrue(Files.size(stack.layout().logFile(gateway.name())) > 0, gateway.name() + " has its own log");
        }
    }

    @Test
    void aBookingReachesItsAudienceOnEveryReplica(LocalStack stack) {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");
        Suite.User admin = suite.admin();

        try (GatewaySocket aliceOnFirst = suite.connect(alice, 1);
                GatewaySocket aliceOnSecond = suite.connect(alice, 2);
                GatewaySocket adminOnSecond = suite.connect(admin, 2)) {
            String first = suite.welcome(aliceOnFirst, alice).path("connectionId").asText();
            String second = suite.welcome(aliceOnSecond, alice).path("connectionId").asText();
            suite.welcome(adminOnSecond, admin);
            assertNotEquals(first, second, "two connections, one on each replica");

            String bookingId = suite.createBooking(alice, "tour-replicas").expect(201).json().path("id").asText();

            aliceOnFirst.awaitEvent("booking.created", bookingId, DELIVERY);
            aliceOnSecond.awaitEvent("booking.created", bookingId, DELIVERY);
            adminOnSecond.awaitEvent("booking.created", bookingId, DELIVERY);
        }
    }
}
