package dev.realtime.gateway.command;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameException;
import dev.realtime.gateway.session.Session;

/**
 * Finds the {@link Command} for a frame's type; each handler is a bean of its own, found here at start (eagerly,
 * so that every frame type is in the metrics from the first scrape).
 */
@Startup
@ApplicationScoped
public class Commands {

    private final Map<String, Command> byType = new HashMap<>();
    private final Replies replies;
    private final GatewayMetrics metrics;

    @Inject
    public Commands(Instance<Command> commands, Replies replies, GatewayMetrics metrics) {
        for (Command command : commands) {
            if (byType.put(command.type(), command) != null) {
                throw new IllegalStateException("two handlers for frame type " + command.type());
            }
        }
        this.replies = replies;
        this.metrics = metrics;
        metrics.frameTypes(byType.keySet());
    }

    /** Runs the frame's command; a frame it cannot take is answered with an error frame. */
    public void dispatch(Session session, ClientFrame frame) {
        Command command = byType.get(frame.type());
        if (command == null) {
            metrics.frameIn("unknown");
            replies.error(session, frame.id(), ErrorCode.UNKNOWN_TYPE,
                    "unknown frame type \"" + ClientFrame.quoted(frame.type()) + "\"");
            return;
        }
        metrics.frameIn(command.type());
        try {
            command.handle(session, frame);
        } catch (FrameException e) {
            replies.error(session, frame.id(), e.code(), e.getMessage());
        }
    }
}
