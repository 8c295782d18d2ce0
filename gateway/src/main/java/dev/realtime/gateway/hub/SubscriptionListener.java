package dev.realtime.gateway.hub;

import dev.realtime.gateway.session.Session;

/**
 * Told when a session's {@code room:} subscription starts or ends (subscribe, unsubscribe, revocation, close), on
 * the session's event loop; must not block. Presence is the one listener: a room's members are its subscribers.
 */
public interface SubscriptionListener {

    void subscribed(Session session, String channel);

    void unsubscribed(Session session, String channel);
}
