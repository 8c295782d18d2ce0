package dev.realtime.gateway.session;

/**
 * Told when a session opens (after its welcome, once it receives deliveries) and when it closes, on the
 * session's event loop; must not block. Presence is one.
 */
public interface SessionListener {

    void opened(Session session);

    void closed(Session session);
}
