package dev.realtime.gateway.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;

/**
 * {@code unsubscribe}: ends an explicit subscription and acks with {@code unsubscribed}; a channel the connection
 * does not hold is acked too (the outcome the client wants holds). Automatic channels stay.
 */
@ApplicationScoped
public class UnsubscribeCommand implements Command {

    private final Hub hub;
    private final Replies replies;

    @Inject
    public UnsubscribeCommand(Hub hub, Replies replies) {
        this.hub = hub;
        this.replies = replies;
    }

    @Override
    public String type() {
        return "unsubscribe";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        String channel = frame.requiredString("channel", SubscribeCommand.MAX_CHANNEL);
        if (session.automatic().contains(channel)) {
            replies.channelError(session, frame.id(), channel, ErrorCode.BAD_FRAME,
                    "the token's own channels (user, roles, broadcast) cannot be unsubscribed");
            return;
        }
        hub.on(session.loop()).unsubscribe(session, channel);
        replies.send(session, FrameType.UNSUBSCRIBED, replies.frames().unsubscribed(frame.id(), channel, "requested"));
    }
}
