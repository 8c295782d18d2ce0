package dev.realtime.gateway.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.presence.Presence;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;

/**
 * {@code status}: the user's status ({@code online}, {@code away}, {@code busy}), acked with {@code status-set};
 * the members of the user's rooms see it as {@code presence-changed}. It is the user's, not the connection's:
 * their other connections have it too, and a new one starts with it.
 */
@ApplicationScoped
public class StatusCommand implements Command {

    private final Presence presence;
    private final Replies replies;

    @Inject
    public StatusCommand(Presence presence, Replies replies) {
        this.presence = presence;
        this.replies = replies;
    }

    @Override
    public String type() {
        return "status";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        String status = frame.requiredChoice("status", Presence.STATUSES.toArray(String[]::new));
        session.status(status);
        presence.status(session.subject(), status);
        replies.send(session, FrameType.STATUS_SET, replies.frames().statusSet(frame.id(), status));
    }
}
