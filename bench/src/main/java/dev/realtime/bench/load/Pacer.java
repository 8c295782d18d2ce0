package dev.realtime.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/** Runs an action at a fixed rate against the clock; a late call happens at once and is not skipped. */
public final class Pacer {

    private Pacer() {
    }

    /** Calls {@code action} with 0, 1, 2, ... at {@code perSecond} for {@code duration}; returns the count. */
    public static long run(double perSecond, Duration duration, long firstIndex, LongConsumer action) {
        long total = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        double interval = 1e9 / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            action.accept(firstIndex + i);
        }
        return total;
    }
}
