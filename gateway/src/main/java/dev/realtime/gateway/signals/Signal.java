package dev.realtime.gateway.signals;

import java.util.List;

import dev.realtime.gateway.metrics.ReplicaFigures;

/**
 * A record on {@code gateway.signals}, from one replica to every other (docs/protocol.md, "gateway.signals").
 * Each names the replica that sent it and when ({@code at}, ms since the epoch).
 */
public sealed interface Signal {

    String replica();

    long at();

    /** A user started or stopped typing in a room. Key: the room id. */
    record Typing(String replica, long at, String room, String user, String state) implements Signal {
    }

    /** One user's presence on the sending replica changed; {@code offline} when their last socket there closed. */
    record Presence(String replica, long at, UserPresence user) implements Signal {
    }

    /** The sending replica's online users (possibly a part of them) and, in the first part, its figures. */
    record Heartbeat(String replica, long at, List<UserPresence> users, ReplicaFigures figures) implements Signal {
    }

    /**
     * A user on one replica.
     *
     * @param status {@code online}, {@code away}, {@code busy}, or {@code offline} (no socket there any more)
     * @param since  when that status was set (ms since the epoch): of two replicas the later status wins
     * @param rooms  the room ids the user is subscribed to there
     */
    record UserPresence(String user, String status, long since, List<String> rooms) {
    }
}
