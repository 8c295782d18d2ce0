package dev.realtime.gateway.presence;

import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.realtime.gateway.metrics.ReplicaFigures;

/**
 * Who is online, over every replica. A user is online while any replica holds one of their sockets; a room's
 * members are the users subscribed to it on any replica. Never blocks: answers are stages.
 */
public interface Presence {

    /** Statuses a user may set; {@code offline} is never set, only seen. */
    List<String> STATUSES = List.of("online", "away", "busy");

    String OFFLINE = "offline";

    /** The online members of a room, by user id. */
    CompletionStage<List<Member>> online(String roomId);

    /** The user's status, set on this replica and seen by the members of the user's rooms. */
    void status(String subject, String status);

    /** This replica's figures, those of every replica heard from within the presence TTL, and who is online. */
    CompletionStage<Overview> overview();

    /** A room member and their status. */
    record Member(String user, String status) {
    }

    /**
     * @param replicas    this replica first, then the others by id
     * @param usersOnline distinct users online over every replica (a user on two replicas counts once)
     */
    record Overview(List<ReplicaReport> replicas, long usersOnline) {
    }

    /** A replica's figures as last reported, and whether it is this one. */
    record ReplicaReport(String replica, boolean self, long reportedAtMillis, ReplicaFigures figures) {
    }
}
