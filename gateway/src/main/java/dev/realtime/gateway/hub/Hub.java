package dev.realtime.gateway.hub;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.gateway.session.Session;
import dev.realtime.platform.event.Channels;
import io.netty.channel.EventLoop;

/**
 * The replica's connections: one {@link LoopHub} per event loop that holds any, and the replica-wide counts
 * (connections, connections per user, subscriptions per channel kind) that stats and limits read from any thread.
 */
@ApplicationScoped
public class Hub {

    /** Channel kinds, for the subscription counts. */
    public static final String[] KINDS = {"user", "role", "broadcast", "room", "booking"};

    private final Map<EventLoop, LoopHub> byLoop = new ConcurrentHashMap<>();
    private volatile LoopHub[] loops = new LoopHub[0];
    private final AtomicInteger connections = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final LongAdder[] subscriptions = new LongAdder[KINDS.length];
    private volatile SubscriptionListener listener;

    public Hub() {
        for (int i = 0; i < subscriptions.length; i++) {
            subscriptions[i] = new LongAdder();
        }
    }

    /** The channel index of this event loop, created the first time a connection lives there. */
    public LoopHub on(EventLoop loop) {
        LoopHub hub = byLoop.get(loop);
        return hub != null ? hub : byLoop.computeIfAbsent(loop, this::add);
    }

    private synchronized LoopHub add(EventLoop loop) {
        LoopHub hub = new LoopHub(loop, this);
        LoopHub[] grown = Arrays.copyOf(loops, loops.length + 1);
        grown[loops.length] = hub;
        loops = grown;
        return hub;
    }

    /** Every loop that has held a connection; the delivery thread gives each one task per batch. */
    public LoopHub[] loops() {
        return loops;
    }

    /**
     * Counts a connection about to open for this user; false (and nothing counted) if the user already has
     * {@code max} here.
     */
    public boolean reserve(String subject, int max) {
        AtomicInteger count = perUser.computeIfAbsent(subject, s -> new AtomicInteger());
        if (count.incrementAndGet() > max) {
            release(subject);
            return false;
        }
        return true;
    }

    /** Returns a reservation; the user's entry goes when their last connection does. */
    public void release(String subject) {
        perUser.computeIfPresent(subject, (s, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Connections of this user on this replica. */
    public int connectionsOf(String subject) {
        AtomicInteger count = perUser.get(subject);
        return count == null ? 0 : count.get();
    }

    /** Users with at least one connection here. */
    public int usersOnline() {
        return perUser.size();
    }

    /** Every subject with a connection here, for presence heartbeats. */
    public Iterable<String> subjects() {
        return perUser.keySet();
    }

    void opened(Session session) {
        connections.incrementAndGet();
    }

    void closed(Session session) {
        connections.decrementAndGet();
    }

    /** Sets the one listener told of room subscriptions starting and ending (presence). */
    public void listen(SubscriptionListener newListener) {
        this.listener = newListener;
    }

    void subscribed(Session session, String channel, int delta) {
        subscriptions[kind(channel)].add(delta);
        SubscriptionListener current = listener;
        if (current != null && channel.startsWith(Channels.ROOM_PREFIX)) {
            if (delta > 0) {
                current.subscribed(session, channel);
            } else {
                current.unsubscribed(session, channel);
            }
        }
    }

    public int connectionCount() {
        return connections.get();
    }

    /** Subscriptions of this kind ({@link #KINDS}) on this replica. */
    public long subscriptions(int kind) {
        return subscriptions[kind].sum();
    }

    private static int kind(String channel) {
        if (channel.startsWith(Channels.USER_PREFIX)) {
            return 0;
        }
        if (channel.startsWith(Channels.ROLE_PREFIX)) {
            return 1;
        }
        if (channel.startsWith(Channels.ROOM_PREFIX)) {
            return 3;
        }
        if (channel.startsWith(Channels.BOOKING_PREFIX)) {
            return 4;
        }
        return 2;
    }
}
