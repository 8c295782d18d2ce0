package dev.realtime.gateway.delivery;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.history.HistoryWindow;
import dev.realtime.gateway.history.Replay;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.LoopHub;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.protocol.Cursors;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.protocol.ServerFrames;
import dev.realtime.gateway.session.Session;
import io.netty.buffer.ByteBuf;

/**
 * How a held connection goes live: on the delivery thread, between two polls, the replay is taken from the
 * window (what a resume cursor missed, or what the connection missed while held), and one task on the session's
 * loop writes it, indexes the session and sends its cursor. Every batch routed before is ahead of that task on
 * the loop, every later batch behind it: no gap and no overlap between replay and live.
 */
final class GoingLive {

    /** A request from an event loop; {@code cursor} null for "what I missed since I opened". */
    record Request(Session session, JsonNode id, Map<TopicPartition, Long> cursor, Map<String, String> epochs,
            Set<String> channels, long deadlineNanos) {
    }

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final List<Request> waiting = new ArrayList<>();
    private final Hub hub;
    private final ServerFrames frames;
    private final GatewayMetrics metrics;
    private final int maxReplay;

    GoingLive(Hub hub, ServerFrames frames, GatewayMetrics metrics, int maxReplay) {
        this.hub = hub;
        this.frames = frames;
        this.metrics = metrics;
        this.maxReplay = maxReplay;
    }

    /** Queues a request; any thread. */
    void request(Request request) {
        requests.add(request);
    }

    boolean hasRequests() {
        return !requests.isEmpty() || !waiting.isEmpty();
    }

    /** Serves the queued requests from the window. Delivery thread, between polls. */
    void serve(HistoryWindow window) {
        for (Request request; (request = requests.poll()) != null;) {
            waiting.add(request);
        }
        long now = System.nanoTime();
        for (Iterator<Request> it = waiting.iterator(); it.hasNext();) {
            Request request = it.next();
            Session session = request.session();
            if (session.isClosing()) {
                it.remove();
                continue;
            }
            Set<String> channels = request.channels();
            if (request.cursor() == null) {
                it.remove();
                List<HistoryWindow.Entry> missed = window.since(session.heldSince(), channels);
                hand(session, missed, FrameType.POSITION, position(window, null, FrameType.POSITION));
                continue;
            }
            Replay replay = window.replay(request.cursor(), request.epochs(), channels, maxReplay);
            if (replay.behind() && now - request.deadlineNanos() < 0) {
                // this replica has not read as far as the client's cursor yet: wait for it, up to the deadline
                continue;
            }
            it.remove();
            if (replay.recoverable()) {
                ObjectNode resumed = position(window, request.id(), FrameType.RESUMED).put("replayed", replay.entries().size());
                hand(session, replay.entries(), FrameType.RESUMED, resumed);
            } else {
                ObjectNode answer = position(window, request.id(), FrameType.NOT_RECOVERABLE)
                        .put("reason", replay.behind() ? "behind" : replay.reason());
                if (replay.topic() != null) {
                    answer.put("topic", replay.topic());
                }
                hand(session, List.of(), FrameType.NOT_RECOVERABLE, answer);
            }
        }
    }

    /** The frame of this type with the cursor of everything read so far. */
    private ObjectNode position(HistoryWindow window, JsonNode id, FrameType type) {
        ObjectNode frame = frames.frame(type, id);
        Cursors.write(frame.putObject("cursor"), window.epochs(), window.lastOffsets());
        return frame;
    }

    private void hand(Session session, List<HistoryWindow.Entry> entries, FrameType closingType, ObjectNode last) {
        List<ByteBuf> replay = new ArrayList<>(entries.size());
        for (HistoryWindow.Entry entry : entries) {
            // the window may drop the entry before the loop writes it
            replay.add(entry.frame().retainedDuplicate());
        }
        byte[] closing = frames.write(last);
        LoopHub loop = hub.on(session.loop());
        session.execute(() -> {
            if (session.isClosing() || !loop.isRegistered(session)) {
                replay.forEach(ByteBuf::release);
                return;
            }
            replay.forEach(session::write);
            loop.goLive(session);
            session.write(closing);
            session.flush();
            metrics.delivered(replay.size());
            metrics.frameOut(closingType);
        });
    }
}
