package dev.realtime.gateway.signals;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.config.LimitsConfig;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.LoopHub;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.protocol.WireFrame;
import dev.realtime.gateway.session.Session;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Writes one ephemeral frame (typing, presence-changed) to this replica's subscribers of a channel: the frame is
 * encoded once and shared, and each event loop gets one task that writes it to its subscribers and flushes each.
 * A connection with more than {@code gateway.limits.ephemeral-drop-bytes} queued is skipped: events go first, and
 * the next typing or presence frame supersedes this one anyway.
 */
@ApplicationScoped
public class RoomFanout {

    private final Hub hub;
    private final GatewayMetrics metrics;
    private final long dropBytes;

    @Inject
    public RoomFanout(Hub hub, GatewayMetrics metrics, LimitsConfig limits) {
        this.hub = hub;
        this.metrics = metrics;
        this.dropBytes = limits.ephemeralDropBytes();
    }

    /** Sends the frame to every subscriber of {@code channel} here but the connections of {@code exceptSubject}. */
    public void send(String channel, FrameType type, byte[] json, String exceptSubject) {
        LoopHub[] loops = hub.loops();
        if (loops.length == 0) {
            return;
        }
        ByteBuf frame = WireFrame.text(PooledByteBufAllocator.DEFAULT, json);
        try {
            for (LoopHub loop : loops) {
                frame.retain();
                try {
                    loop.loop().execute(() -> deliver(loop, channel, type, frame, exceptSubject));
                } catch (RejectedExecutionException e) {
                    // the loop is shutting down with its connections
                    frame.release();
                }
            }
        } finally {
            frame.release();
        }
    }

    private void deliver(LoopHub loop, String channel, FrameType type, ByteBuf frame, String exceptSubject) {
        int sent = 0;
        try {
            List<Session> sessions = loop.subscribers(channel);
            if (sessions == null) {
                return;
            }
            for (int i = 0, n = sessions.size(); i < n; i++) {
                Session session = sessions.get(i);
                if (session.isClosing() || session.subject().equals(exceptSubject)
                        || session.queuedBytes() > dropBytes) {
                    continue;
                }
                session.write(frame.retainedDuplicate());
                session.flush();
                sent++;
            }
        } finally {
            frame.release();
            metrics.framesOut(type, sent);
        }
    }
}
