package dev.realtime.gateway.transport;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.gateway.command.Commands;
import dev.realtime.gateway.command.Replies;
import dev.realtime.gateway.command.ResumeCommand;
import dev.realtime.gateway.config.HistoryConfig;
import dev.realtime.gateway.config.LimitsConfig;
import dev.realtime.gateway.delivery.RecordRouter;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.CloseCode;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameReader;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;
import dev.realtime.gateway.session.SessionListener;
import io.netty.channel.Channel;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;

/**
 * The gateway's WebSocket, {@code /ws}. The HTTP upgrade is authenticated before this endpoint sees it (an HTTP
 * permission requires a valid bearer token on {@code /ws}), so every callback here runs for a verified user, on
 * the connection's event loop. Each client frame is checked (size, rate, JSON) and handed to its command, which
 * answers when its work is done.
 */
@WebSocket(path = "/ws")
public class GatewayEndpoint {

    private static final Logger LOG = Logger.getLogger(GatewayEndpoint.class);
    private static final UserData.TypedKey<Session> SESSION = new UserData.TypedKey<>("gateway.session");

    private final Hub hub;
    private final Commands commands;
    private final Replies replies;
    private final GatewayMetrics metrics;
    private final LimitsConfig limits;
    private final SecurityIdentity identity;
    private final FrameReader reader;
    private final List<SessionListener> listeners;
    private final RecordRouter router;
    private final long resumeWaitMillis;

    @Inject
    public GatewayEndpoint(Hub hub, Commands commands, Replies replies, GatewayMetrics metrics, LimitsConfig limits,
            SecurityIdentity identity, ObjectMapper mapper, Instance<SessionListener> listeners, RecordRouter router,
            HistoryConfig history) {
        this.hub = hub;
        this.commands = commands;
        this.replies = replies;
        this.metrics = metrics;
        this.limits = limits;
        this.identity = identity;
        this.reader = new FrameReader(mapper, limits.maxFrameBytes());
        this.listeners = listeners.stream().toList();
        this.router = router;
        this.resumeWaitMillis = history.resumeWait().toMillis();
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection) {
        String subject = TokenChannels.subject(identity);
        if (subject == null) {
            LOG.warnf("Closing connection %s: its token names no usable subject", connection.id());
            close(connection, CloseCode.UNUSABLE_TOKEN);
            return;
        }
        if (!hub.reserve(subject, limits.maxConnectionsPerUser())) {
            LOG.infof("Closing connection %s: %s already has %d connections here", connection.id(), subject,
                    limits.maxConnectionsPerUser());
            close(connection, CloseCode.TOO_MANY_CONNECTIONS);
            return;
        }
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        Channel channel = NettyChannels.of(connection);
        Session session = new Session(connection, channel, subject, token.getRawToken(),
                token.getExpirationTime() * 1000);
        session.automatic(TokenChannels.automatic(subject, identity.getRoles()));
        // written before the session is indexed, on this loop, so that no event frame can overtake it
        session.write(replies.frames().welcome(connection.id(), subject, session.channels()));
        session.flush();
        metrics.frameOut(FrameType.WELCOME);
        session.heldSince(router.routedSequence());
        connection.userData().put(SESSION, session);
        hub.on(channel.eventLoop()).register(session);
        // held until its first frame (a resume, or anything else) or until the wait is over, then live
        channel.eventLoop().schedule(() -> goLive(session), resumeWaitMillis, TimeUnit.MILLISECONDS);
        listeners.forEach(listener -> listener.opened(session));
        LOG.debugf("Opened connection %s of %s with channels %s", connection.id(), subject, session.channels());
    }

    @OnTextMessage
    @NonBlocking
    void onText(String text, WebSocketConnection connection) {
        Session session = session(connection);
        if (session == null) {
            return;
        }
        if (!admitted(session)) {
            return;
        }
        ClientFrame frame;
        try {
            frame = reader.read(text);
        } catch (FrameReader.Rejected e) {
            metrics.frameIn("invalid");
            replies.error(session, e.id(), e.code(), e.getMessage());
            return;
        }
        if (!ResumeCommand.TYPE.equals(frame.type())) {
            goLive(session);
        }
        commands.dispatch(session, frame);
    }

    private void goLive(Session session) {
        if (!session.isClosing() && session.startGoingLive()) {
            router.goLive(session);
        }
    }

    @OnBinaryMessage
    @NonBlocking
    void onBinary(Buffer data, WebSocketConnection connection) {
        Session session = session(connection);
        if (session == null || !admitted(session)) {
            return;
        }
        FrameReader.Rejected rejected = FrameReader.binary();
        metrics.frameIn("invalid");
        replies.error(session, null, rejected.code(), rejected.getMessage());
    }

    @OnClose
    @NonBlocking
    void onClose(WebSocketConnection connection) {
        Session session = session(connection);
        if (session != null && hub.on(session.loop()).close(session)) {
            hub.release(session.subject());
            listeners.forEach(listener -> listener.closed(session));
            LOG.debugf("Closed connection %s of %s", connection.id(), session.subject());
        }
    }

    /** The connection's session, or null if it was refused at open. */
    private static Session session(WebSocketConnection connection) {
        return connection.userData().get(SESSION);
    }

    /** The rate limit: a token per frame; refused frames get an error, a sustained flood a close. */
    private boolean admitted(Session session) {
        int verdict = session.admit(System.nanoTime(), limits.framesPerSecond(), limits.frameBurst(),
                limits.floodStrikes());
        if (verdict == 0) {
            return true;
        }
        metrics.frameIn("rate-limited");
        if (verdict == 2) {
            LOG.infof("Closing connection %s of %s: flooding", session.id(), session.subject());
            session.close(CloseCode.FLOODING);
        } else {
            replies.error(session, null, ErrorCode.RATE_LIMITED,
                    "more than " + limits.framesPerSecond() + " frames per second; this one was dropped");
        }
        return false;
    }

    private static void close(WebSocketConnection connection, CloseCode code) {
        connection.close(code.reason()).subscribe().with(
                closed -> LOG.debugf("Closed connection %s", connection.id()),
                failure -> LOG.debugf("Closing connection %s failed: %s", connection.id(), failure.getMessage()));
    }
}
