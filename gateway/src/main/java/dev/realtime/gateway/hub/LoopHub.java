package dev.realtime.gateway.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.realtime.gateway.session.Session;
import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The channel index of one event loop: which of the connections on this loop receive each channel.
 * <p>
 * Every connection lives on one event loop for its whole life, and everything that touches its subscriptions
 * runs there (the WebSocket callbacks, the delivery batches, replies brought back with
 * {@link Session#execute}). So the index is plain maps and lists, owned by the loop's thread, with no lock and
 * no concurrent map on the delivery path.
 */
public final class LoopHub {

    private final EventLoop loop;
    private final Hub hub;
    private final Map<String, ArrayList<Session>> subscribers = new HashMap<>();
    private final Map<WebSocketConnection, Session> sessions = new IdentityHashMap<>();

    LoopHub(EventLoop loop, Hub hub) {
        this.loop = loop;
        this.hub = hub;
    }

    public EventLoop loop() {
        return loop;
    }

    /** The connections here that receive this channel, or null; the list is live, do not keep it. */
    public List<Session> subscribers(String channel) {
        return subscribers.get(channel);
    }

    public Session session(WebSocketConnection connection) {
        return sessions.get(connection);
    }

    /** Every session on this loop; live, loop thread only. */
    public Iterable<Session> sessions() {
        return sessions.values();
    }

    /** Registers a new session, still held: it receives nothing until {@link #goLive}. */
    public void register(Session session) {
        sessions.put(session.connection(), session);
        hub.opened(session);
    }

    /** Indexes a registered session under all its channels: from now on the batches reach it. */
    public void goLive(Session session) {
        if (session.isLive() || !sessions.containsKey(session.connection())) {
            return;
        }
        for (String channel : session.channels()) {
            index(session, channel);
        }
        session.markLive();
    }

    public boolean isRegistered(Session session) {
        return sessions.containsKey(session.connection());
    }

    /** Forgets a session and all its subscriptions; returns false if it was not here. */
    public boolean close(Session session) {
        if (sessions.remove(session.connection()) == null) {
            return false;
        }
        if (session.isLive()) {
            for (String channel : session.channels()) {
                unindex(session, channel);
            }
        }
        hub.closed(session);
        return true;
    }

    public void subscribe(Session session, String channel) {
        if (session.isSubscribed(channel)) {
            return;
        }
        session.addChannel(channel);
        if (session.isLive()) {
            index(session, channel);
        }
    }

    public boolean unsubscribe(Session session, String channel) {
        if (!session.isSubscribed(channel)) {
            return false;
        }
        session.removeChannel(channel);
        if (session.isLive()) {
            unindex(session, channel);
        }
        return true;
    }

    /** Re-indexes a session whose automatic channels changed (a refreshed token). */
    public void reindex(Session session, List<String> dropped) {
        if (!session.isLive()) {
            return;
        }
        for (String channel : dropped) {
            unindex(session, channel);
        }
        for (String channel : session.channels()) {
            List<Session> list = subscribers.get(channel);
            if (list == null || !list.contains(session)) {
                index(session, channel);
            }
        }
    }

    private void index(Session session, String channel) {
        subscribers.computeIfAbsent(channel, name -> new ArrayList<>(4)).add(session);
        hub.subscribed(session, channel, 1);
    }

    private void unindex(Session session, String channel) {
        ArrayList<Session> list = subscribers.get(channel);
        if (list == null) {
            return;
        }
        int at = list.indexOf(session);
        if (at < 0) {
            return;
        }
        // order within a channel means nothing: swap the last one in, O(1) after the search
        int last = list.size() - 1;
        list.set(at, list.get(last));
        list.remove(last);
        if (list.isEmpty()) {
            subscribers.remove(channel);
        }
        hub.subscribed(session, channel, -1);
    }

    public int sessionCount() {
        return sessions.size();
    }
}
