package dev.realtime.gateway.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;

/** {@code ping}: answered with {@code pong} and the same id, an application-level liveness check. */
@ApplicationScoped
public class PingCommand implements Command {

    private final Replies replies;

    @Inject
    public PingCommand(Replies replies) {
        this.replies = replies;
    }

    @Override
    public String type() {
        return "ping";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        replies.send(session, FrameType.PONG, replies.frames().pong(frame.id()));
    }
}
