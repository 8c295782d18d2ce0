package dev.realtime.platform.outbox;

/** CDI event: an outbox row was written; observed after commit to wake the relay. */
public enum OutboxWritten {
    INSTANCE
}
