package dev.realtime.gateway.hub;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import dev.realtime.gateway.ws.CloseCodes;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open WebSocket connection and what it is subscribed to. Frames are sent through {@link #send}, which
 * bounds how many may wait for the socket: a client that stops reading is closed instead of growing the
 * server's memory and delaying everyone's deliveries.
 */
public final class Session {

    private static final Logger LOG = Logger.getLogger(Session.class);

    private final WebSocketConnection connection;
    private final String subject;
    private final List<String> channels;
    private final int maxPendingFrames;
    private final Runnable onTooSlow;
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();

    /**
     * Sequence number of the last record handed to this session. Read and written only by the single
     * delivery thread, which is why it needs no synchronisation.
     */
    private long lastRecord = -1;

    /**
     * @param connection       the WebSocket connection
     * @param subject          the token's {@code sub}
     * @param channels         the channels this connection receives
     * @param maxPendingFrames frames that may wait for the socket before the client counts as too slow
     * @param onTooSlow        run once if the connection is closed for being too slow
     */
    public Session(WebSocketConnection connection, String subject, List<String> channels, int maxPendingFrames,
            Runnable onTooSlow) {
        this.connection = connection;
        this.subject = subject;
        this.channels = List.copyOf(channels);
        this.maxPendingFrames = maxPendingFrames;
        this.onTooSlow = onTooSlow;
    }

    public String id() {
        return connection.id();
    }

    public String subject() {
        return subject;
    }

    public List<String> channels() {
        return channels;
    }

    /**
     * Claims this session for a record, so that a record whose channels match the session more than once is
     * sent to it once. Delivery thread only.
     *
     * @return true the first time it is called with this sequence number
     */
    public boolean claim(long recordSequence) {
        if (lastRecord == recordSequence) {
            return false;
        }
        lastRecord = recordSequence;
        return true;
    }

    /**
     * Queues a text frame for the socket; {@code onWritten} runs once it has been written. When the client
     * already has {@code maxPendingFrames} frames waiting, the frame is dropped and the connection closed with
     * {@link CloseCodes#SLOW_CONSUMER}. Safe to call from any thread.
     */
    public void send(String frame, Runnable onWritten) {
        if (closing.get()) {
            return;
        }
        if (pendingFrames.incrementAndGet() > maxPendingFrames) {
            pendingFrames.decrementAndGet();
            closeTooSlow();
            return;
        }
        connection.sendText(frame).subscribe().with(
                written -> {
                    pendingFrames.decrementAndGet();
                    onWritten.run();
                },
                failure -> {
                    pendingFrames.decrementAndGet();
                    // the usual cause is a connection that closed while the frame was queued
                    LOG.debugf("Frame not written to connection %s: %s", connection.id(), failure.getMessage());
                });
    }

    /** Closes the connection with this reason, once; later calls do nothing. */
    public void close(CloseReason reason) {
        if (closing.compareAndSet(false, true) && !connection.isClosed()) {
            connection.close(reason).subscribe().with(
                    closed -> LOG.debugf("Closed connection %s: %s", connection.id(), reason),
                    failure -> LOG.debugf("Closing connection %s failed: %s", connection.id(), failure.getMessage()));
        }
    }

    private void closeTooSlow() {
        if (!closing.get()) {
            LOG.infof("Closing connection %s of %s: %d frames waiting for its socket", connection.id(), subject,
                    maxPendingFrames);
            close(CloseCodes.SLOW_CONSUMER);
            onTooSlow.run();
        }
    }

    @Override
    public String toString() {
        return "Session[" + connection.id() + ", " + subject + "]";
    }
}
