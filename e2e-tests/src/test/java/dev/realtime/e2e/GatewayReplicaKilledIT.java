package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Replica;
import dev.realtime.stack.Service;

/**
 * A gateway replica killed with SIGKILL says nothing to the others: its users go offline when its heartbeats are
 * older than {@code gateway.presence.ttl} (15 s). The last class of the run ({@link Order}, with
 * {@code junit-platform.properties}), since it leaves the stack with one gateway.
 */
@ExtendWith(LocalStackExtension.class)
@Order(Integer.MAX_VALUE)
class GatewayReplicaKilledIT {

    /** The gateway's default presence TTL, which the stack does not change. */
    private static final Duration TTL = Duration.ofSeconds(15);
    /** The expiry sweep (1 s) and a busy machine on top of the TTL. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @Test
    void theUsersOfAKilledReplicaAreOfflineWithinTheTtl(LocalStack stack) throws IOException {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("alice");
        Suite.User bob = suite.register("bob");
        ChatRooms rooms = new ChatRooms(suite);
        String room = rooms.roomOf(alice, bob);

        try (GatewaySocket aliceOnFirst = rooms.connectTo(room, alice, 1);
                GatewaySocket bobOnSecond = rooms.connectTo(room, bob, 2)) {
            aliceOnFirst.awaitFrame(frame -> ChatRooms.is(frame, "presence-changed", room, bob.id())
                    && "online".equals(frame.path("status").asText()), Duration.ofSeconds(10), "bob online");

            long killed = System.nanoTime();
            kill(stack, stack.replicas(Service.GATEWAY).get(1));

            aliceOnFirst.awaitFrame(frame -> ChatRooms.is(frame, "presence-changed", room, bob.id())
                    && "offline".equals(frame.path("status").asText()), TTL.plus(Duration.ofSeconds(30)),
                    "bob offline after his replica was killed");
            Duration after = Duration.ofNanos(System.nanoTime() - killed);
            assertTrue(after.compareTo(TTL.plus(SLACK)) <= 0, "bob offline only after " + after);
            assertEquals(null, ChatRooms.presenceOf(aliceOnFirst, room, bob.id()));
        }
    }

    /** SIGKILL to the replica's JVM (its pid file), as an OOM killer or a node failure would. */
    private static void kill(LocalStack stack, Replica replica) throws IOException {
        Path pidFile = stack.layout().runDir().resolve(replica.name() + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError(replica.name() + " (pid " + pid + ") is not running"));
        // destroyForcibly is SIGKILL on Linux: no shutdown hook, no goodbye to the other replicas
        assertTrue(process.destroyForcibly(), "SIGKILL to " + replica.name());
        process.onExit().join();
    }
}
