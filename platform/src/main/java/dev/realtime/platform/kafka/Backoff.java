package dev.realtime.platform.kafka;

import java.time.Duration;

/**
 * Exponential pacing of retries against a broker that does not answer: the first wait is {@code initial}, each
 * next one doubles, up to {@code max}; {@link #reset()} after a success starts over. Owned by one thread.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** How long to wait before the next attempt; the wait after it is twice as long, up to the maximum. */
    public Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** The attempt succeeded: the next failure waits {@code initial} again. */
    public void reset() {
        next = initial;
    }
}
