package dev.realtime.gateway.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.gateway.authorization.ChannelAuthorizer;
import dev.realtime.gateway.authorization.Decision;
import dev.realtime.gateway.authorization.Subscriber;
import dev.realtime.gateway.authorization.SubscriptionAuthorizer;
import dev.realtime.gateway.config.LimitsConfig;
import dev.realtime.gateway.delivery.RecordRouter;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.Cursors;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameException;
import dev.realtime.gateway.session.Session;

/**
 * {@code resume}: a reconnecting client's cursor and its explicit subscriptions, as its first frame. The
 * subscriptions are authorised again (a revoked room does not come back: it is answered with an error frame);
 * then the replica replays from its history window everything after the cursor on the connection's channels,
 * in order, answers {@code resumed} with the new cursor, and goes live with no gap and no overlap. A cursor the
 * window cannot serve is answered {@code not-recoverable}: the connection goes live, and the client refetches
 * over REST.
 */
@ApplicationScoped
public class ResumeCommand implements Command {

    public static final String TYPE = "resume";

    private final SubscriptionAuthorizer authorizer;
    private final RecordRouter router;
    private final Hub hub;
    private final Replies replies;
    private final int maxSubscriptions;

    @Inject
    public ResumeCommand(SubscriptionAuthorizer authorizer, RecordRouter router, Hub hub, Replies replies,
            LimitsConfig limits) {
        this.authorizer = authorizer;
        this.router = router;
        this.hub = hub;
        this.replies = replies;
        this.maxSubscriptions = limits.maxSubscriptions();
    }

    @Override
    public String type() {
        return "resume";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        Cursors.Cursor cursor = Cursors.read(frame.requiredObject("cursor"));
        List<String> wanted = channels(frame);
        JsonNode id = frame.id();
        if (!session.startGoingLive()) {
            throw new FrameException(ErrorCode.BAD_FRAME,
                    "resume must be the connection's first frame; this connection is already live");
        }
        Subscriber subscriber = new Subscriber(session.subject(), session.automatic(), session.token());
        List<CompletableFuture<Decision>> decisions = new ArrayList<>(wanted.size());
        for (String channel : wanted) {
            decisions.add(authorizer.authorize(subscriber, channel).toCompletableFuture()
                    .exceptionally(failure -> Decision.UNAVAILABLE));
        }
        CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) ->
                session.execute(() -> {
                    if (session.isClosing()) {
                        return;
                    }
                    for (int i = 0; i < wanted.size(); i++) {
                        String channel = wanted.get(i);
                        Decision decision = decisions.get(i).join();
                        if (decision == Decision.ALLOWED) {
                            hub.on(session.loop()).subscribe(session, channel);
                        } else {
                            replies.channelError(session, id, channel, decision.error(),
                                    "not resumed: " + ClientFrame.quoted(channel) + " is no longer yours ("
                                            + decision.error().wireName() + ")");
                        }
                    }
                    router.resume(session, id, cursor, Set.copyOf(session.channels()));
                }));
    }

    private List<String> channels(ClientFrame frame) {
        JsonNode list = frame.fields().get("channels");
        Set<String> channels = new LinkedHashSet<>();
        if (list == null) {
            return List.of();
        }
        if (!list.isArray() || list.size() > maxSubscriptions) {
            throw ClientFrame.bad("\"channels\" must be an array of at most " + maxSubscriptions + " channel names");
        }
        for (JsonNode channel : list) {
            if (!channel.isTextual() || !ChannelAuthorizer.isKnown(channel.textValue())) {
                throw new FrameException(ErrorCode.UNKNOWN_CHANNEL,
                        "\"channels\" holds an unknown channel: " + ClientFrame.quoted(channel.toString()));
            }
            channels.add(channel.textValue());
        }
        return new ArrayList<>(channels);
    }
}
