package dev.realtime.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.authorization.AccessCache;
import dev.realtime.gateway.config.HistoryConfig;
import dev.realtime.gateway.config.LimitsConfig;
import dev.realtime.gateway.history.HistoryWindow;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.LoopHub;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.metrics.GatewayMetrics.SkipReason;
import dev.realtime.gateway.protocol.Cursors;
import dev.realtime.gateway.protocol.EventFrames;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.protocol.ServerFrames;
import dev.realtime.gateway.protocol.WireFrame;
import dev.realtime.gateway.session.Session;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Turns each Kafka poll into one {@link Batch} and hands it to every event loop as one task. Runs on the delivery
 * thread only, which is what orders everything a connection receives: a batch reaches each loop after every
 * earlier batch, and work queued here between polls (a resume) lands between two batches, never inside one.
 * <p>
 * It reads the routing headers only ({@code rt-channels}, {@code rt-revoke}, {@code rt-revoke-subjects}); the
 * value goes into the frame as it is.
 */
@ApplicationScoped
public class RecordRouter {

    private static final Logger LOG = Logger.getLogger(RecordRouter.class);

    private final Hub hub;
    private final ServerFrames frames;
    private final GatewayMetrics metrics;
    private final LimitsConfig limits;
    private final AccessCache accessCache;
    private final EventFrames encoder = new EventFrames(PooledByteBufAllocator.DEFAULT);
    private final Map<LoopHub, LoopDelivery> deliveries = new HashMap<>();
    private final InFlight inFlight;
    private final HistoryWindow window;
    private final GoingLive goingLive;
    private final long positionIntervalNanos;
    private final long resumeDeadlineNanos;
    private long batches;
    private long records;
    /** Sequence of the last record routed; read by event loops when a connection opens. */
    private volatile long routed = -1;
    /** True while the window is rebuilt from Kafka at start: records are kept, not delivered. */
    private volatile boolean warming = true;
    private volatile Runnable wakeup = () -> {
    };
    private long nextPosition;

    @Inject
    public RecordRouter(Hub hub, ServerFrames frames, GatewayMetrics metrics, LimitsConfig limits,
            AccessCache accessCache, HistoryConfig history) {
        this.hub = hub;
        this.frames = frames;
        this.metrics = metrics;
        this.limits = limits;
        this.accessCache = accessCache;
        this.inFlight = new InFlight(limits.maxInFlightBytes());
        this.window = new HistoryWindow(history.maxAge().toMillis(), history.maxBytes());
        this.goingLive = new GoingLive(hub, frames, metrics, history.maxReplay());
        this.positionIntervalNanos = history.positionInterval().toNanos();
        this.resumeDeadlineNanos = RESUME_WAIT.toNanos();
        metrics.inFlight(inFlight::bytes);
        metrics.history(window::bytes);
    }

    /** How long a resume waits for this replica to read as far as the client's cursor. */
    private static final java.time.Duration RESUME_WAIT = java.time.Duration.ofSeconds(10);

    // --- for the event loops and commands (any thread) ---

    /** The sequence of the last routed record; a connection opening now missed nothing before it. */
    public long routedSequence() {
        return routed;
    }

    /** Asks for a held connection to go live with what it missed since it opened. */
    public void goLive(Session session) {
        goingLive.request(new GoingLive.Request(session, null, null, null, Set.copyOf(session.channels()), 0));
        wakeup.run();
    }

    /** Asks for a held connection to go live from a client's cursor (a resume frame). */
    public void resume(Session session, JsonNode id, Cursors.Cursor cursor, Set<String> channels) {
        goingLive.request(new GoingLive.Request(session, id, cursor.offsets(), cursor.epochs(), channels,
                System.nanoTime() + resumeDeadlineNanos));
        wakeup.run();
    }

    // --- for the delivery reader (delivery thread) ---

    void wakeup(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    HistoryWindow window() {
        return window;
    }

    boolean warming() {
        return warming;
    }

    void warming(boolean warming) {
        this.warming = warming;
    }

    /** Work between two polls: connections going live, position frames, the window's age limit. */
    void betweenPolls() {
        if (warming) {
            return;
        }
        if (goingLive.hasRequests()) {
            goingLive.serve(window);
        }
        long now = System.nanoTime();
        if (now - nextPosition >= 0) {
            nextPosition = now + positionIntervalNanos;
            window.evict(System.currentTimeMillis());
            positions();
        }
    }

    /** One position frame, shared by every live connection of every loop. */
    private void positions() {
        ObjectNode frame = frames.frame(FrameType.POSITION, null);
        Cursors.write(frame.putObject("cursor"), window.epochs(), window.lastOffsets());
        ByteBuf position = WireFrame.text(PooledByteBufAllocator.DEFAULT, frames.write(frame));
        for (LoopHub loop : hub.loops()) {
            position.retain();
            try {
                loop.loop().execute(() -> {
                    try {
                        int sent = 0;
                        for (Session session : loop.sessions()) {
                            if (session.isLive() && !session.isClosing()) {
                                session.write(position.retainedDuplicate());
                                session.flush();
                                sent++;
                            }
                        }
                        metrics.framesOut(FrameType.POSITION, sent);
                    } finally {
                        position.release();
                    }
                });
            } catch (RuntimeException e) {
                position.release();
            }
        }
        position.release();
    }

    /** Whether the event loops are so far behind that reading must pause. */
    boolean behind() {
        return inFlight.full();
    }

    /** Whether a paused reading may go on. */
    boolean caughtUp() {
        return inFlight.drained();
    }

    /** Routes one poll's records; returns how many could be routed (the rest are counted as skipped). */
    int route(ConsumerRecords<String, byte[]> polled) {
        metrics.recordsConsumed(polled.count());
        List<ConsumerRecord<String, byte[]>> usable = new ArrayList<>(polled.count());
        for (ConsumerRecord<String, byte[]> record : polled) {
            if (usable(record)) {
                usable.add(record);
            } else {
                window.advance(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
        }
        if (usable.isEmpty()) {
            return 0;
        }
        Batch batch = new Batch(batches++, records, usable.size());
        records += usable.size();
        long bytes = 0;
        for (int i = 0; i < usable.size(); i++) {
            ConsumerRecord<String, byte[]> record = usable.get(i);
            batch.frames[i] = encoder.encode(record.topic(), record.partition(), record.offset(), record.value());
            bytes += batch.frames[i].readableBytes();
            batch.channels[i] = channels(record);
            batch.timestamps[i] = record.timestamp();
            revocation(record, batch, i);
            window.append(new TopicPartition(record.topic(), record.partition()), new HistoryWindow.Entry(
                    batch.firstRecord + i, record.offset(), record.timestamp(), batch.frames[i].retain(),
                    batch.channels[i]));
        }
        batch.bytes = bytes;
        routed = records - 1;
        if (warming) {
            for (int i = 0; i < batch.size; i++) {
                batch.frames[i].release();
            }
        } else {
            hand(batch);
        }
        window.evict(System.currentTimeMillis());
        return usable.size();
    }

    private void hand(Batch batch) {
        LoopHub[] loops = hub.loops();
        for (LoopHub loop : loops) {
            LoopDelivery delivery = deliveries.computeIfAbsent(loop,
                    l -> new LoopDelivery(l, frames, metrics, limits, inFlight));
            for (int i = 0; i < batch.size; i++) {
                batch.frames[i].retain();
            }
            inFlight.handed(batch.bytes);
            try {
                loop.loop().execute(() -> delivery.deliver(batch));
            } catch (RuntimeException e) {
                // the loop is shutting down: its connections are closing, nothing to deliver there
                LOG.debugf("Event loop refused a batch: %s", e.getMessage());
                for (int i = 0; i < batch.size; i++) {
                    batch.frames[i].release();
                }
                inFlight.done(batch.bytes);
            }
        }
        for (int i = 0; i < batch.size; i++) {
            batch.frames[i].release();
        }
    }

    private boolean usable(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.CHANNELS);
        if (header == null || header.value() == null || header.value().length == 0) {
            metrics.recordSkipped(SkipReason.NO_CHANNELS);
            return false;
        }
        if (!EventFrames.isJsonObject(record.value())) {
            metrics.recordSkipped(SkipReason.NOT_AN_OBJECT);
            return false;
        }
        return true;
    }

    private static String[] channels(ConsumerRecord<String, byte[]> record) {
        String header = new String(record.headers().lastHeader(EventHeaders.CHANNELS).value(), StandardCharsets.UTF_8);
        return Channels.split(header).toArray(String[]::new);
    }

    private void revocation(ConsumerRecord<String, byte[]> record, Batch batch, int index) {
        Header revoke = record.headers().lastHeader(EventHeaders.REVOKE);
        if (revoke == null || revoke.value() == null || revoke.value().length == 0) {
            return;
        }
        String channel = new String(revoke.value(), StandardCharsets.UTF_8);
        Header subjectsHeader = record.headers().lastHeader(EventHeaders.REVOKE_SUBJECTS);
        String[] subjects = subjectsHeader == null || subjectsHeader.value() == null
                ? null
                : Channels.split(new String(subjectsHeader.value(), StandardCharsets.UTF_8)).toArray(String[]::new);
        batch.revoke(index, channel, subjects);
        accessCache.invalidate(channel, subjects);
    }
}
