package dev.realtime.gateway.health;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.ws.FrameType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The gateway's Micrometer meters (Prometheus at {@code /q/metrics}). Every meter is registered once here, so
 * the delivery path only increments fields it already holds. Created at startup, so that every meter is
 * exported from the first scrape on.
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

    private final Map<FrameType, Runnable> written = new EnumMap<>(FrameType.class);
    private final Map<SkipReason, Counter> skipped = new EnumMap<>(SkipReason.class);
    private Counter eventFramesOut;
    private final Counter recordsConsumed;
    private final Counter framesInAccepted;
    private final Counter framesInRejected;
    private final Counter slowConsumersClosed;
    private final Timer deliveryLatency;

    @Inject
    public GatewayMetrics(MeterRegistry registry, Hub hub) {
        Gauge.builder("gateway.connections", hub, Hub::connectionCount)
                .description("Open WebSocket connections on this replica")
                .register(registry);
        Gauge.builder("gateway.channels", hub, Hub::channelCount)
                .description("Channels with at least one subscribed connection on this replica")
                .register(registry);
        for (FrameType type : FrameType.values()) {
            Counter counter = Counter.builder("gateway.frames.out")
                    .description("Frames written to client sockets")
                    .tag("type", type.wireName())
                    .register(registry);
            written.put(type, counter::increment);
            if (type == FrameType.EVENT) {
                eventFramesOut = counter;
            }
        }
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, Counter.builder("gateway.records.skipped")
                    .description("Records of the delivery topics that could not be delivered")
                    .tag("reason", reason.tag)
                    .register(registry));
        }
        recordsConsumed = Counter.builder("gateway.records.consumed")
                .description("Records read from the delivery topics")
                .register(registry);
        framesInAccepted = Counter.builder("gateway.frames.in")
                .description("Frames received from clients")
                .tag("result", "accepted")
                .register(registry);
        framesInRejected = Counter.builder("gateway.frames.in")
                .description("Frames received from clients")
                .tag("result", "rejected")
                .register(registry);
        slowConsumersClosed = Counter.builder("gateway.connections.closed.slow")
                .description("Connections closed because their client did not read its frames fast enough")
                .register(registry);
        deliveryLatency = Timer.builder("gateway.delivery.latency")
                .description("From the Kafka record timestamp to the event frame written to the client socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** Counts a written frame of this type; the same instance every time, so callers allocate nothing. */
    public Runnable written(FrameType type) {
        return written.get(type);
    }

    /**
     * What to run when an event frame has been written: counts it and records the delivery latency from the
     * record's timestamp (milliseconds since the epoch, negative if the record has none).
     */
    public Runnable eventWritten(long recordTimestamp) {
        if (recordTimestamp < 0) {
            return eventFramesOut::increment;
        }
        return () -> {
            eventFramesOut.increment();
            // clocks of producer and gateway hosts may differ slightly: never record a negative latency
            deliveryLatency.record(Math.max(0, System.currentTimeMillis() - recordTimestamp), TimeUnit.MILLISECONDS);
        };
    }

    public void recordConsumed() {
        recordsConsumed.increment();
    }

    public void recordSkipped(SkipReason reason) {
        skipped.get(reason).increment();
    }

    public void frameIn(boolean accepted) {
        (accepted ? framesInAccepted : framesInRejected).increment();
    }

    public void slowConsumerClosed() {
        slowConsumersClosed.increment();
    }
}
