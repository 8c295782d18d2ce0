package dev.realtime.gateway.authorization;

import java.util.List;

/**
 * Who asks for a channel: the token's subject, its automatic channels (user, roles, broadcast) and the raw token,
 * which is forwarded to the owning service so that it decides with the real caller's identity.
 */
public record Subscriber(String subject, List<String> automatic, String token) {
}
