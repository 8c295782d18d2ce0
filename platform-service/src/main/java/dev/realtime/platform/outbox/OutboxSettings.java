package dev.realtime.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the outbox relay. */
@ConfigMapping(prefix = "rt.outbox")
public interface OutboxSettings {

    /** Whether this service runs the relay; off only in tests that inspect the table itself. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows relayed per transaction. */
    @WithDefault("200")
    int batchSize();

    /** Sweep for rows nobody signalled (left by a crash, or written by another replica). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** First wait after a failed relay; doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between two relay attempts while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();
}
