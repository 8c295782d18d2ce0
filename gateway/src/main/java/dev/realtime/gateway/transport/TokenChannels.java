package dev.realtime.gateway.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.realtime.platform.event.Channels;
import io.quarkus.security.identity.SecurityIdentity;

/** What a verified token gives a connection: its subject and its automatic channels. */
public final class TokenChannels {

    private static final Logger LOG = Logger.getLogger(TokenChannels.class);

    private TokenChannels() {
    }

    /** The token's {@code sub} if it can name a channel, otherwise null. */
    public static String subject(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        return usableSubject(token.getSubject());
    }

    static String usableSubject(String subject) {
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
    public static List<String> automatic(String subject, Set<String> roles) {
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
