package dev.realtime.gateway.delivery;

import java.util.ArrayList;
import java.util.List;

import dev.realtime.gateway.config.LimitsConfig;
import dev.realtime.gateway.hub.LoopHub;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.protocol.CloseCode;
import dev.realtime.gateway.protocol.ServerFrames;
import dev.realtime.gateway.session.Session;

/**
 * What one event loop does with a batch, in one task: writes each record's shared frame to every connection of
 * this loop subscribed to one of its channels (once per connection), applies revocations in record order, then
 * flushes every connection it wrote to once, and closes those whose socket does not drain.
 * <p>
 * Nothing here allocates per delivery but the frame's duplicate (its own reader index over the shared bytes),
 * and nothing is recorded per delivery: the counts go to the metrics once per batch.
 */
final class LoopDelivery {

    private final LoopHub hub;
    private final ServerFrames frames;
    private final GatewayMetrics metrics;
    private final long maxQueuedBytes;
    private final int maxQueuedFrames;
    private final InFlight inFlight;
    private final ArrayList<Session> touched = new ArrayList<>();

    LoopDelivery(LoopHub hub, ServerFrames frames, GatewayMetrics metrics, LimitsConfig limits, InFlight inFlight) {
        this.hub = hub;
        this.frames = frames;
        this.metrics = metrics;
        this.maxQueuedBytes = limits.maxQueuedBytes();
        this.maxQueuedFrames = limits.maxQueuedFrames();
        this.inFlight = inFlight;
    }

    void deliver(Batch batch) {
        int delivered = 0;
        try {
            for (int i = 0; i < batch.size; i++) {
                int sent = deliver(batch, i);
                if (sent > 0) {
                    delivered += sent;
                    metrics.latency(batch.timestamps[i]);
                }
                if (batch.revoke != null && batch.revoke[i] != null) {
                    revoke(batch.id, batch.revoke[i], batch.revokeSubjects[i]);
                }
            }
            for (int i = 0, n = touched.size(); i < n; i++) {
                Session session = touched.get(i);
                session.flush();
                if (session.isBacklogged(maxQueuedBytes, maxQueuedFrames) && session.close(CloseCode.SLOW_CONSUMER)) {
                    metrics.slowConsumerClosed();
                }
            }
        } finally {
            touched.clear();
            for (int i = 0; i < batch.size; i++) {
                batch.frames[i].release();
            }
            metrics.delivered(delivered);
            inFlight.done(batch.bytes);
        }
    }

    private int deliver(Batch batch, int record) {
        long sequence = batch.firstRecord + record;
        int sent = 0;
        for (String channel : batch.channels[record]) {
            List<Session> sessions = hub.subscribers(channel);
            if (sessions == null) {
                continue;
            }
            for (int s = 0, n = sessions.size(); s < n; s++) {
                Session session = sessions.get(s);
                if (!session.claim(sequence) || session.isClosing()) {
                    continue;
                }
                session.write(batch.frames[record].retainedDuplicate());
                if (session.touch(batch.id)) {
                    touched.add(session);
                }
                sent++;
            }
        }
        return sent;
    }

    /** Ends the subscriptions a revocation names, here, in record order with the deliveries around it. */
    private void revoke(long batchId, String channel, String[] subjects) {
        List<Session> sessions = hub.subscribers(channel);
        if (sessions == null) {
            return;
        }
        List<Session> revoked = new ArrayList<>();
        for (Session session : sessions) {
            if ((subjects == null || contains(subjects, session.subject()))
                    && !session.automatic().contains(channel)) {
                revoked.add(session);
            }
        }
        for (Session session : revoked) {
            hub.unsubscribe(session, channel);
            session.write(frames.unsubscribed(null, channel, "revoked"));
            if (session.touch(batchId)) {
                touched.add(session);
            }
            metrics.revoked();
        }
    }

    private static boolean contains(String[] subjects, String subject) {
        for (String candidate : subjects) {
            if (candidate.equals(subject)) {
                return true;
            }
        }
        return false;
    }
}
