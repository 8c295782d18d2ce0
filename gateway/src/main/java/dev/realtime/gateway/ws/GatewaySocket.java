package dev.realtime.gateway.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.realtime.gateway.config.GatewayConfig;
import dev.realtime.gateway.health.GatewayMetrics;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.Session;
import dev.realtime.platform.event.Channels;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;

/**
 * The gateway's WebSocket, {@code /ws}. The HTTP upgrade is authenticated before this endpoint sees it (an HTTP
 * permission requires a valid bearer token on {@code /ws}), so every callback here runs for a verified user.
 * <p>
 * All callbacks are short and CPU-only, so they run on the connection's event loop.
 */
@WebSocket(path = "/ws")
public class GatewaySocket {

    private static final Logger LOG = Logger.getLogger(GatewaySocket.class);

    private final Hub hub;
    private final ServerFrames serverFrames;
    private final ClientFrames clientFrames;
    private final GatewayMetrics metrics;
    private final GatewayConfig config;
    private final SecurityIdentity identity;

    @Inject
    public GatewaySocket(Hub hub, ServerFrames serverFrames, ClientFrames clientFrames, GatewayMetrics metrics,
            GatewayConfig config, SecurityIdentity identity) {
        this.hub = hub;
        this.serverFrames = serverFrames;
        this.clientFrames = clientFrames;
        this.metrics = metrics;
        this.config = config;
        this.identity = identity;
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection) {
        String subject = subject(identity);
        if (subject == null) {
            LOG.warnf("Closing connection %s: its token names no usable subject", connection.id());
            connection.close(CloseCodes.UNUSABLE_TOKEN).subscribe().with(
                    closed -> LOG.debugf("Closed connection %s", connection.id()),
                    failure -> LOG.debugf("Closing connection %s failed: %s", connection.id(), failure.getMessage()));
            return;
        }
        List<String> channels = channels(subject, identity.getRoles());
        Session session = new Session(connection, subject, channels, config.maxPendingFrames(),
                metrics::slowConsumerClosed);
        // The welcome is queued on the socket before the session becomes visible to the delivery thread, so no
        // event frame can overtake it.
        session.send(serverFrames.welcome(connection.id(), subject, channels), metrics.written(FrameType.WELCOME));
        hub.add(session);
        LOG.debugf("Opened connection %s of %s with channels %s", connection.id(), subject, channels);
    }

    @OnTextMessage
    @NonBlocking
    void onText(String text, WebSocketConnection connection) {
        Session session = hub.session(connection.id());
        if (session == null) {
            // rejected at open and closing
            return;
        }
        ClientFrames.Reply reply = clientFrames.answer(text);
        metrics.frameIn(reply.accepted());
        session.send(reply.frame(), metrics.written(reply.type()));
    }

    @OnBinaryMessage
    @NonBlocking
    void onBinary(Buffer data, WebSocketConnection connection) {
        Session session = hub.session(connection.id());
        if (session == null) {
            return;
        }
        ClientFrames.Reply reply = clientFrames.answerBinary();
        metrics.frameIn(false);
        session.send(reply.frame(), metrics.written(reply.type()));
    }

    @OnClose
    @NonBlocking
    void onClose(WebSocketConnection connection) {
        Session session = hub.remove(connection.id());
        if (session != null) {
            LOG.debugf("Closed connection %s of %s", connection.id(), session.subject());
        }
    }

    /** The token's {@code sub} if it can name a channel, otherwise null. */
    private static String subject(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            return null;
        }
        try {
            Channels.user(subject);
            return subject;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** user:{sub}, role:{r} for each group, broadcast; a role that cannot be a channel name is left out. */
    static List<String> channels(String subject, Set<String> roles) {
        List<String> channels = new ArrayList<>(roles.size() + 2);
        channels.add(Channels.user(subject));
        for (String role : new TreeSet<>(roles)) {
            try {
                channels.add(Channels.role(role));
            } catch (IllegalArgumentException e) {
                LOG.debugf("Role %s of %s is not a valid channel name; not subscribed", role, subject);
            }
        }
        channels.add(Channels.BROADCAST);
        return channels;
    }
}
