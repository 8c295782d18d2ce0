package dev.realtime.gateway.metrics;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.protocol.FrameType;

/**
 * One replica's figures for the admin stats, as this replica reads them or as another one sent them in its
 * heartbeat; {@link #plus} adds two replicas' figures for the sum.
 *
 * @param subscriptions by channel kind ({@link Hub#KINDS})
 * @param framesIn      client frames by type (the command types, and {@code invalid}, {@code unknown},
 *                      {@code rate-limited})
 * @param framesOut     server frames by type ({@link FrameType#wireName()})
 */
public record ReplicaFigures(long connections, long usersOnline, Map<String, Long> subscriptions,
        Map<String, Long> framesIn, Map<String, Long> framesOut) {

    /** This replica's figures now; safe from any thread. */
    public static ReplicaFigures of(Hub hub, GatewayMetrics metrics) {
        Map<String, Long> subscriptions = new TreeMap<>();
        for (int kind = 0; kind < Hub.KINDS.length; kind++) {
            subscriptions.put(Hub.KINDS[kind], hub.subscriptions(kind));
        }
        Map<String, Long> framesOut = new TreeMap<>();
        metrics.framesOut().forEach((type, count) -> framesOut.put(type.wireName(), count));
        return new ReplicaFigures(hub.connectionCount(), hub.usersOnline(), subscriptions, metrics.framesIn(),
                framesOut);
    }

    /** Both replicas' figures added, key by key. */
    public ReplicaFigures plus(ReplicaFigures other) {
        return new ReplicaFigures(connections + other.connections, usersOnline + other.usersOnline,
                sum(subscriptions, other.subscriptions), sum(framesIn, other.framesIn), sum(framesOut, other.framesOut));
    }

    /** Writes the figures as fields of a JSON object (the admin stats and the heartbeats share this form). */
    public ObjectNode writeTo(ObjectNode node) {
        node.put("connections", connections).put("usersOnline", usersOnline);
        subscriptions.forEach(node.putObject("subscriptions")::put);
        framesIn.forEach(node.putObject("framesIn")::put);
        framesOut.forEach(node.putObject("framesOut")::put);
        return node;
    }

    public static ReplicaFigures zero() {
        return new ReplicaFigures(0, 0, Map.of(), Map.of(), Map.of());
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((key, value) -> sum.merge(key, value, Long::sum));
        return sum;
    }
}
