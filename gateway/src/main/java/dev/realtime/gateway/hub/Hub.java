package dev.realtime.gateway.hub;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The connections of this replica and what each is subscribed to: channel to sessions for delivery, connection
 * id to session for the WebSocket callbacks.
 * <p>
 * The delivery thread reads on every record, connections open and close on event-loop threads. Reads take no
 * lock: {@link ConcurrentHashMap} lookups and its weakly consistent iteration never block and never throw while
 * others change the map. A session is visible to delivery from the moment {@link #add} puts it under a channel.
 */
@ApplicationScoped
public class Hub {

    private final ConcurrentHashMap<String, Set<Session>> subscribers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    /** Registers a session under each of its channels. */
    public void add(Session session) {
        sessions.put(session.id(), session);
        for (String channel : session.channels()) {
            // compute() is atomic per key, so a concurrent remove() of the last subscriber cannot drop this one
            subscribers.compute(channel, (name, members) -> {
                Set<Session> set = members != null ? members : ConcurrentHashMap.newKeySet();
                set.add(session);
                return set;
            });
        }
    }

    /** Forgets a connection and unsubscribes it from all its channels; returns its session, or null. */
    public Session remove(String connectionId) {
        Session session = sessions.remove(connectionId);
        if (session == null) {
            return null;
        }
        for (String channel : session.channels()) {
            subscribers.computeIfPresent(channel, (name, members) -> {
                members.remove(session);
                return members.isEmpty() ? null : members;
            });
        }
        return session;
    }

    /** The session of an open connection, or null. */
    public Session session(String connectionId) {
        return sessions.get(connectionId);
    }

    /** A live view of the sessions subscribed to a channel, or null if there are none. */
    public Set<Session> subscribers(String channel) {
        return subscribers.get(channel);
    }

    /** Open connections registered here. */
    public int connectionCount() {
        return sessions.size();
    }

    /** Channels with at least one subscriber. */
    public int channelCount() {
        return subscribers.size();
    }
}
