package dev.realtime.platform.inbox;

import dev.realtime.platform.event.EventEnvelope;

/** The effect of one event, applied in the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope event);
}
