package dev.realtime.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import dev.realtime.gateway.authorization.AccessCache;
import dev.realtime.gateway.config.LimitsConfig;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.LoopHub;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.metrics.GatewayMetrics.SkipReason;
import dev.realtime.gateway.protocol.EventFrames;
import dev.realtime.gateway.protocol.ServerFrames;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventHeaders;
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
    private long batches;
    private long records;

    @Inject
    public RecordRouter(Hub hub, ServerFrames frames, GatewayMetrics metrics, LimitsConfig limits,
            AccessCache accessCache) {
        this.hub = hub;
        this.frames = frames;
        this.metrics = metrics;
        this.limits = limits;
        this.accessCache = accessCache;
        this.inFlight = new InFlight(limits.maxInFlightBytes());
        metrics.inFlight(inFlight::bytes);
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
        }
        batch.bytes = bytes;
        hand(batch);
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
