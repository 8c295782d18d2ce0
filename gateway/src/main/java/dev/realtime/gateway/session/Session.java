package dev.realtime.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import dev.realtime.gateway.protocol.CloseCode;
import dev.realtime.gateway.protocol.WireFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open WebSocket connection: who it is, what it is subscribed to, and its outbound side.
 * <p>
 * A session belongs to its connection's event loop ({@link #loop()}): its subscriptions, its delivery bookkeeping
 * and every write happen on that thread, so none of it is synchronised. Other threads (a reply that comes back
 * from Kafka or a service) hand work to it with {@link #execute}. Frames are written to the Netty channel without
 * a flush; whoever wrote flushes once at the end of its batch ({@link #flush}).
 * <p>
 * The outbound queue is the channel's own outbound buffer, bounded in bytes and frames
 * ({@link #isBacklogged}); a client that lets it fill is closed with {@link CloseCode#SLOW_CONSUMER}.
 */
public final class Session {

    private static final Logger LOG = Logger.getLogger(Session.class);

    private final WebSocketConnection connection;
    private final Channel channel;
    private final String subject;
    private final AtomicBoolean closing = new AtomicBoolean();

    /** Every channel this connection receives, automatic ones first. Loop thread only. */
    private final List<String> channels = new ArrayList<>(4);
    /** The token's automatic channels (user, roles, broadcast); replaced on refresh. Loop thread only. */
    private List<String> automatic;
    /** The raw access token, forwarded to the owning services' access checks; replaced on refresh. */
    private volatile String token;
    /** When the token expires, in milliseconds since the epoch; 0 for never. */
    private volatile long expiresAtMillis;

    /** Held: open, not yet receiving; going live: a replay is on its way; live: indexed for deliveries. */
    private static final int HELD = 0;
    private static final int GOING_LIVE = 1;
    private static final int LIVE = 2;
    private int phase = HELD;
    /** The router's record sequence when the connection opened: what it missed while held is after it. */
    private long heldSince;

    /** Sequence of the last record written here: a record matching several channels is written once. */
    private long lastRecord = -1;
    /** The batch that last touched this session, so that it is flushed once per batch. */
    private long lastBatch = -1;

    /** Token bucket of inbound frames, and refused frames in a row. Loop thread only. */
    private double tokens = -1;
    private long refilledAtNanos;
    private int strikes;
    /** When the last typing frame was accepted, and for which room, for the debounce. Loop thread only. */
    private long typingAtNanos;
    private String typingRoom;
    /** The user's presence status as this connection set it. */
    private volatile String status = "online";

    public Session(WebSocketConnection connection, Channel channel, String subject, String token, long expiresAtMillis) {
        this.connection = connection;
        this.channel = channel;
        this.subject = subject;
        this.token = token;
        this.expiresAtMillis = expiresAtMillis;
    }

    public String id() {
        return connection.id();
    }

    public String subject() {
        return subject;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public EventLoop loop() {
        return channel.eventLoop();
    }

    public String token() {
        return token;
    }

    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    /** A verified new token of the same subject: its expiry now applies. */
    public void refreshed(String newToken, long newExpiresAtMillis) {
        this.token = newToken;
        this.expiresAtMillis = newExpiresAtMillis;
    }

    public String status() {
        return status;
    }

    public void status(String newStatus) {
        this.status = newStatus;
    }

    // --- going live (loop thread) ---

    public void heldSince(long sequence) {
        this.heldSince = sequence;
    }

    public long heldSince() {
        return heldSince;
    }

    /** Whether the connection is still held (no replay asked for yet); if so it is marked as going live. */
    public boolean startGoingLive() {
        if (phase != HELD) {
            return false;
        }
        phase = GOING_LIVE;
        return true;
    }

    public boolean isHeld() {
        return phase == HELD;
    }

    public boolean isLive() {
        return phase == LIVE;
    }

    /** Work that must wait until the connection receives deliveries (acks of subscriptions). Loop thread only. */
    private List<Runnable> whenLive;

    /** For the channel index only ({@code LoopHub#goLive}): the connection is live; runs what waited for it. */
    public void markLive() {
        phase = LIVE;
        List<Runnable> waiting = whenLive;
        whenLive = null;
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    /**
     * Runs the task once the connection is live: at once if it is, else right after it went live. A subscription
     * is applied and acked this way, so that "subscribed" means the channel's events reach the client from then on.
     * Loop thread only.
     */
    public void whenLive(Runnable task) {
        if (phase == LIVE) {
            task.run();
            return;
        }
        if (whenLive == null) {
            whenLive = new ArrayList<>(2);
        }
        whenLive.add(task);
    }

    // --- subscriptions (loop thread) ---

    public List<String> channels() {
        return channels;
    }

    public boolean isSubscribed(String channel) {
        return channels.contains(channel);
    }

    /** Explicit subscriptions: every channel beyond the automatic ones. */
    public int explicitCount() {
        return channels.size() - automatic.size();
    }

    public List<String> automatic() {
        return automatic;
    }

    /** Sets the automatic channels; returns those dropped since the last call (for a refreshed token). */
    public List<String> automatic(List<String> newAutomatic) {
        List<String> dropped = new ArrayList<>();
        if (automatic != null) {
            for (String channel : automatic) {
                if (!newAutomatic.contains(channel)) {
                    dropped.add(channel);
                    channels.remove(channel);
                }
            }
        }
        for (String channel : newAutomatic) {
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }
        automatic = List.copyOf(newAutomatic);
        return dropped;
    }

    /** For the channel index only ({@code LoopHub}), which keeps this list and itself in step. */
    public void addChannel(String channel) {
        channels.add(channel);
    }

    /** For the channel index only ({@code LoopHub}). */
    public void removeChannel(String channel) {
        channels.remove(channel);
    }

    // --- delivery bookkeeping (loop thread) ---

    /** Claims this session for a record; false if that record was already written here. */
    public boolean claim(long recordSequence) {
        if (lastRecord == recordSequence) {
            return false;
        }
        lastRecord = recordSequence;
        return true;
    }

    /** Marks this session touched by a batch; true the first time for that batch (so it is flushed once). */
    public boolean touch(long batch) {
        if (lastBatch == batch) {
            return false;
        }
        lastBatch = batch;
        return true;
    }

    // --- inbound limits (loop thread) ---

    /**
     * Takes a token from the connection's bucket.
     *
     * @return 0 if the frame may be processed, 1 if it is refused, 2 if refusals reached the flood limit
     */
    public int admit(long nowNanos, int perSecond, int burst, int floodStrikes) {
        if (tokens < 0) {
            tokens = burst;
            refilledAtNanos = nowNanos;
        } else {
            tokens = Math.min(burst, tokens + (nowNanos - refilledAtNanos) * perSecond / 1e9);
            refilledAtNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            strikes = 0;
            return 0;
        }
        return ++strikes >= floodStrikes ? 2 : 1;
    }

    /**
     * Whether a typing frame for this room now is past the debounce interval since the last accepted one; a frame
     * for another room than the last one always is.
     */
    public boolean typingAllowed(String room, long nowNanos, long debounceNanos) {
        if (typingAtNanos != 0 && room.equals(typingRoom) && nowNanos - typingAtNanos < debounceNanos) {
            return false;
        }
        typingAtNanos = nowNanos;
        typingRoom = room;
        return true;
    }

    // --- outbound ---

    /** Runs a task on this session's event loop, after everything queued there before it. */
    public void execute(Runnable task) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** Writes a complete frame without flushing; takes ownership of the buffer. Loop thread only. */
    public void write(ByteBuf frame) {
        if (closing.get()) {
            frame.release();
            return;
        }
        channel.write(frame, channel.voidPromise());
    }

    /** Writes one of the gateway's own frames without flushing. Loop thread only. */
    public void write(byte[] json) {
        write(WireFrame.text(channel.alloc(), json));
    }

    public void flush() {
        channel.flush();
    }

    /** Writes and flushes one of the gateway's own frames, from any thread, in order with everything else. */
    public void send(byte[] json) {
        execute(() -> {
            write(json);
            flush();
        });
    }

    /** Bytes written and not yet taken by the socket. */
    public long queuedBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /** Whether the client let more pile up than the limits allow. Loop thread only. */
    public boolean isBacklogged(long maxBytes, int maxFrames) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer != null && (buffer.totalPendingWriteBytes() > maxBytes || buffer.size() > maxFrames);
    }

    public boolean isClosing() {
        return closing.get() || !channel.isActive();
    }

    /** Closes the connection with this code, once; later calls and later writes do nothing. */
    public boolean close(CloseCode code) {
        return close(code.reason());
    }

    public boolean close(CloseReason reason) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        connection.close(reason).subscribe().with(
                closed -> LOG.debugf("Closed connection %s: %s", connection.id(), reason),
                failure -> LOG.debugf("Closing connection %s failed: %s", connection.id(), failure.getMessage()));
        return true;
    }

    @Override
    public String toString() {
        return "Session[" + connection.id() + ", " + subject + "]";
    }
}
