package dev.realtime.gateway.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of records handed to the event loops and not yet written out. The delivery thread adds a batch's bytes
 * once per loop it goes to; each loop subtracts them when its task is done. When the sum passes the limit the
 * gateway itself is behind, and the delivery thread stops reading Kafka until half of it has drained: the
 * backlog waits in Kafka, not in memory, and no client is closed for the gateway's own slowness.
 */
final class InFlight {

    private final AtomicLong bytes = new AtomicLong();
    private final long max;

    InFlight(long max) {
        this.max = max;
    }

    void handed(long batchBytes) {
        bytes.addAndGet(batchBytes);
    }

    void done(long batchBytes) {
        bytes.addAndGet(-batchBytes);
    }

    long bytes() {
        return bytes.get();
    }

    /** Whether reading must pause now. */
    boolean full() {
        return bytes.get() > max;
    }

    /** Whether a paused reading may go on: half the limit has drained. */
    boolean drained() {
        return bytes.get() <= max / 2;
    }
}
