package dev.realtime.gateway.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.gateway.authorization.AccessCache;
import dev.realtime.gateway.authorization.ChannelAuthorizer;
import dev.realtime.gateway.authorization.Decision;
import dev.realtime.gateway.authorization.Subscriber;
import dev.realtime.gateway.authorization.SubscriptionAuthorizer;
import dev.realtime.gateway.config.LimitsConfig;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;

/**
 * {@code subscribe}: asks the authoriser (the owning service, for rooms and bookings), then, once the connection
 * is live, subscribes on the session's event loop and acks with {@code subscribed}: from the ack on, the channel's
 * events reach the client. A refusal is an error frame with the channel; so is a grant that a revocation read
 * since the question may have overtaken.
 */
@ApplicationScoped
public class SubscribeCommand implements Command {

    /** Longest channel name accepted: a kind prefix and a 64-character id. */
    static final int MAX_CHANNEL = 80;

    private final SubscriptionAuthorizer authorizer;
    private final AccessCache accessCache;
    private final Hub hub;
    private final Replies replies;
    private final int maxSubscriptions;

    @Inject
    public SubscribeCommand(SubscriptionAuthorizer authorizer, AccessCache accessCache, Hub hub, Replies replies,
            LimitsConfig limits) {
        this.authorizer = authorizer;
        this.accessCache = accessCache;
        this.hub = hub;
        this.replies = replies;
        this.maxSubscriptions = limits.maxSubscriptions();
    }

    @Override
    public String type() {
        return "subscribe";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        String channel = frame.requiredString("channel", MAX_CHANNEL);
        JsonNode id = frame.id();
        if (!ChannelAuthorizer.isKnown(channel)) {
            replies.channelError(session, id, channel, ErrorCode.UNKNOWN_CHANNEL,
                    "no such channel kind: use room:{id} or booking:{id}");
            return;
        }
        if (session.isSubscribed(channel)) {
            replies.send(session, FrameType.SUBSCRIBED, replies.frames().subscribed(id, channel));
            return;
        }
        if (session.explicitCount() >= maxSubscriptions) {
            replies.channelError(session, id, channel, ErrorCode.TOO_MANY_SUBSCRIPTIONS,
                    "a connection may hold at most " + maxSubscriptions + " subscriptions");
            return;
        }
        Subscriber subscriber = new Subscriber(session.subject(), session.automatic(), session.token());
        long asked = System.nanoTime();
        authorizer.authorize(subscriber, channel).whenComplete((decision, failure) -> session.execute(() ->
                session.whenLive(() -> {
                    Decision answer = failure != null ? Decision.UNAVAILABLE : decision;
                    if (session.isClosing()) {
                        return;
                    }
                    if (answer == Decision.ALLOWED && accessCache.revokedSince(session.subject(), channel, asked)) {
                        // the grant may predate a removal read since: the owning service has the last word
                        answer = Decision.FORBIDDEN;
                    }
                    if (answer == Decision.ALLOWED) {
                        hub.on(session.loop()).subscribe(session, channel);
                        replies.send(session, FrameType.SUBSCRIBED, replies.frames().subscribed(id, channel));
                    } else {
                        replies.channelError(session, id, channel, answer.error(), message(answer, channel));
                    }
                })));
    }

    private static String message(Decision decision, String channel) {
        return switch (decision) {
            case FORBIDDEN -> "not allowed to subscribe to " + ClientFrame.quoted(channel);
            case NOT_FOUND -> "no such " + (channel.startsWith("room:") ? "room" : "booking");
            case UNKNOWN_CHANNEL -> "no such channel kind";
            default -> "the owning service could not be asked; retry";
        };
    }
}
