package dev.realtime.booking.service;

import java.util.Map;

/**
 * An action that the current state does not allow: answered 409 with that state in the problem body, so a client
 * can show it, or refresh, without another read.
 */
public class StateConflictException extends RuntimeException {

    private final Map<String, Object> state;

    public StateConflictException(String detail, Map<String, Object> state) {
        super(detail);
        this.state = Map.copyOf(state);
    }

    /** The aggregate's current state: status, payment status where there is one, version. */
    public Map<String, Object> state() {
        return state;
    }
}
