package dev.realtime.gateway.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.protocol.FrameType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The gateway's meters (Prometheus at {@code /q/metrics}) and the counts the admin stats report. The delivery
 * path adds to plain {@link LongAdder}s once per batch; Micrometer reads them when scraped
 * ({@link FunctionCounter}), so nothing is recorded per delivery.
 */
@Startup
@ApplicationScoped
public class GatewayMetrics {

    /** Why a consumed record was not delivered; the {@code reason} tag of {@code gateway.records.skipped}. */
    public enum SkipReason {
        /** no {@code rt-channels} header, or an empty one */
        NO_CHANNELS("no-channels"),
        /** the value is missing or is not a JSON object */
        NOT_AN_OBJECT("not-an-object");

        private final String tag;

        SkipReason(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;
    private final LongAdder[] framesOut = adders(FrameType.values().length);
    private final Map<String, LongAdder> framesIn = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<SkipReason, Counter> skipped = new EnumMap<>(SkipReason.class);
    private final LongAdder recordsConsumed = new LongAdder();
    private final LongAdder slowConsumersClosed = new LongAdder();
    private final LongAdder revoked = new LongAdder();
    private final LongAdder pauses = new LongAdder();
    private final Timer deliveryLatency;

    @Inject
    public GatewayMetrics(MeterRegistry registry, Hub hub) {
        this.registry = registry;
        Gauge.builder("gateway.connections", hub, Hub::connectionCount)
                .description("Open WebSocket connections on this replica")
                .register(registry);
        Gauge.builder("gateway.users.online", hub, Hub::usersOnline)
                .description("Users with at least one connection on this replica")
                .register(registry);
        for (int kind = 0; kind < Hub.KINDS.length; kind++) {
            int k = kind;
            Gauge.builder("gateway.subscriptions", hub, h -> h.subscriptions(k))
                    .description("Subscriptions on this replica, by channel kind")
                    .tag("kind", Hub.KINDS[kind])
                    .register(registry);
        }
        for (FrameType type : FrameType.values()) {
            FunctionCounter.builder("gateway.frames.out", framesOut[type.ordinal()], LongAdder::sum)
                    .description("Frames written to client sockets")
                    .tag("type", type.wireName())
                    .register(registry);
        }
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, Counter.builder("gateway.records.skipped")
                    .description("Records of the delivery topics that could not be delivered")
                    .tag("reason", reason.tag)
                    .register(registry));
        }
        FunctionCounter.builder("gateway.records.consumed", recordsConsumed, LongAdder::sum)
                .description("Records read from the delivery topics")
                .register(registry);
        FunctionCounter.builder("gateway.connections.closed.slow", slowConsumersClosed, LongAdder::sum)
                .description("Connections closed because their client did not read its frames fast enough")
                .register(registry);
        FunctionCounter.builder("gateway.subscriptions.revoked", revoked, LongAdder::sum)
                .description("Subscriptions ended by a revocation of the owning service")
                .register(registry);
        FunctionCounter.builder("gateway.delivery.paused", pauses, LongAdder::sum)
                .description("Times the gateway paused its Kafka reading because its event loops were behind")
                .register(registry);
        for (String type : REFUSED) {
            register(type);
        }
        deliveryLatency = Timer.builder("gateway.delivery.latency")
                .description("From the Kafka record timestamp to the event frame written to the client sockets")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** Exports the bytes in flight to the event loops. */
    public void inFlight(LongSupplier bytes) {
        Gauge.builder("gateway.delivery.in-flight.bytes", bytes, LongSupplier::getAsLong)
                .description("Bytes of records handed to the event loops and not yet written")
                // the supplier is a lambda nobody else holds: a weak reference would be collected (NaN)
                .strongReference(true)
                .register(registry);
    }

    /** Exports the bytes the history window holds. */
    public void history(LongSupplier bytes) {
        Gauge.builder("gateway.history.bytes", bytes, LongSupplier::getAsLong)
                .description("Bytes of frames in the history window")
                .strongReference(true)
                .register(registry);
    }

    /** Event frames written by one loop for one batch. */
    public void delivered(int frames) {
        if (frames > 0) {
            framesOut[FrameType.EVENT.ordinal()].add(frames);
        }
    }

    /** One sample per record and loop: from the record's timestamp (ms since the epoch) to its frames' write. */
    public void latency(long recordTimestamp) {
        if (recordTimestamp >= 0) {
            // clocks of producer and gateway hosts may differ slightly: never record a negative latency
            deliveryLatency.record(Math.max(0, System.currentTimeMillis() - recordTimestamp), TimeUnit.MILLISECONDS);
        }
    }

    public void frameOut(FrameType type) {
        framesOut[type.ordinal()].increment();
    }

    /** Frames of one type written by one task to several connections. */
    public void framesOut(FrameType type, int count) {
        if (count > 0) {
            framesOut[type.ordinal()].add(count);
        }
    }

    /** Client frame types counted apart: every command's, and the refusals before any command. */
    public static final String[] REFUSED = {"invalid", "unknown", "rate-limited"};

    /** Registers the frame types counted in {@code gateway.frames.in}; called once at start by the commands. */
    public void frameTypes(Iterable<String> types) {
        types.forEach(this::register);
    }

    private void register(String type) {
        LongAdder adder = new LongAdder();
        FunctionCounter.builder("gateway.frames.in", adder, LongAdder::sum)
                .description("Frames received from clients, by type; invalid: not understood, unknown: unknown type, "
                        + "rate-limited: refused by the rate limit")
                .tag("type", type)
                .register(registry);
        framesIn.put(type, adder);
    }

    /** A client frame of a registered type; anything else counts as {@code unknown}, so the tags stay bounded. */
    public void frameIn(String type) {
        LongAdder adder = framesIn.get(type);
        (adder != null ? adder : framesIn.get("unknown")).increment();
    }

    public void recordsConsumed(int count) {
        recordsConsumed.add(count);
    }

    public void recordSkipped(SkipReason reason) {
        skipped.get(reason).increment();
    }

    public void slowConsumerClosed() {
        slowConsumersClosed.increment();
    }

    public void revoked() {
        revoked.increment();
    }

    public void readingPaused() {
        pauses.increment();
    }

    /** Frames out by type, for the admin stats. */
    public Map<FrameType, Long> framesOut() {
        Map<FrameType, Long> out = new EnumMap<>(FrameType.class);
        for (FrameType type : FrameType.values()) {
            out.put(type, framesOut[type.ordinal()].sum());
        }
        return out;
    }

    /** Frames in by type, for the admin stats. */
    public Map<String, Long> framesIn() {
        Map<String, Long> in = new java.util.TreeMap<>();
        framesIn.forEach((type, adder) -> in.put(type, adder.sum()));
        return in;
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
