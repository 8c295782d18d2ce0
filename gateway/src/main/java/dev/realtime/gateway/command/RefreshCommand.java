package dev.realtime.gateway.command;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;
import dev.realtime.gateway.transport.TokenChannels;
import dev.realtime.gateway.transport.TokenRefreshProvider;
import io.quarkus.websockets.next.WebSocketSecurity;

/**
 * {@code refresh}: a new access token before the current one expires. websockets-next's own identity update
 * verifies it ({@link TokenRefreshProvider}: same subject only) and moves the connection's expiry; the token's
 * roles then decide the automatic channels again (a role gained is subscribed, a role lost is not). Answered with
 * {@code refreshed}, or {@code invalid-token} / {@code subject-mismatch}, after which the old expiry still holds.
 */
@ApplicationScoped
public class RefreshCommand implements Command {

    /** Longest token taken; ours are well under 2 KB. */
    static final int MAX_TOKEN = 8192;

    private final WebSocketSecurity security;
    private final Hub hub;
    private final Replies replies;

    @Inject
    public RefreshCommand(WebSocketSecurity security, Hub hub, Replies replies) {
        this.security = security;
        this.hub = hub;
        this.replies = replies;
    }

    @Override
    public String type() {
        return "refresh";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        String token = frame.requiredString("token", MAX_TOKEN);
        JsonNode id = frame.id();
        security.updateSecurityIdentity(token).whenComplete((identity, failure) -> session.execute(() -> {
            if (session.isClosing()) {
                return;
            }
            if (failure != null) {
                boolean mismatch = failure instanceof TokenRefreshProvider.SubjectMismatchException
                        || failure.getCause() instanceof TokenRefreshProvider.SubjectMismatchException;
                replies.error(session, id, mismatch ? ErrorCode.SUBJECT_MISMATCH : ErrorCode.INVALID_TOKEN,
                        mismatch ? "the token names another user; the connection keeps its own"
                                : "the token does not verify; the connection keeps its current expiry");
                return;
            }
            JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
            session.refreshed(token, jwt.getExpirationTime() * 1000);
            List<String> dropped = session.automatic(TokenChannels.automatic(session.subject(), identity.getRoles()));
            hub.on(session.loop()).reindex(session, dropped);
            ObjectNode refreshed = replies.frames().frame(FrameType.REFRESHED, id).put("expiresAt", jwt.getExpirationTime());
            session.channels().forEach(refreshed.putArray("channels")::add);
            replies.send(session, FrameType.REFRESHED, replies.frames().write(refreshed));
        }));
    }
}
