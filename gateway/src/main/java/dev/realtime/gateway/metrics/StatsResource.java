package dev.realtime.gateway.metrics;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.presence.Presence;

/**
 * {@code GET /admin/stats}, for admins: this replica's figures, those every other replica sent in its last
 * heartbeat (within the presence TTL), and their sum (gateway/README.md, "Admin stats"). Answered from the
 * signals thread without blocking the event loop.
 */
@Path("/admin/stats")
public class StatsResource {

    private final Presence presence;
    private final ObjectMapper mapper;

    @Inject
    public StatsResource(Presence presence, ObjectMapper mapper) {
        this.presence = presence;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<ObjectNode> stats() {
        return presence.overview().thenApply(this::json);
    }

    private ObjectNode json(Presence.Overview overview) {
        ObjectNode stats = mapper.createObjectNode();
        ReplicaFigures total = ReplicaFigures.zero();
        for (Presence.ReplicaReport report : overview.replicas()) {
            if (report.self()) {
                stats.put("replica", report.replica());
            }
            ObjectNode replica = stats.withArray("replicas").addObject()
                    .put("replica", report.replica())
                    .put("self", report.self())
                    .put("reportedAt", Instant.ofEpochMilli(report.reportedAtMillis()).toString());
            report.figures().writeTo(replica);
            total = total.plus(report.figures());
        }
        ObjectNode sum = stats.putObject("total").put("replicas", overview.replicas().size());
        total.writeTo(sum);
        // a user connected to two replicas is one user online
        sum.put("usersOnline", overview.usersOnline());
        return stats;
    }
}
