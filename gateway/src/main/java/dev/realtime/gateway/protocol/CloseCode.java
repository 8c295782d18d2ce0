package dev.realtime.gateway.protocol;

import io.quarkus.websockets.next.CloseReason;

/**
 * The close codes the gateway sends, grouped by what the client should do next (docs/protocol.md, "Close codes").
 * A client switches on {@link #advice()}'s range: 4000-4099 reconnect, 4100-4199 do not reconnect with the same
 * credentials. 1008 ("Authentication expired") is the server's own and means: get a new token, then reconnect.
 */
public enum CloseCode {

    /** Its frames piled up unread; reconnect and resume from the last position, nothing is lost. */
    SLOW_CONSUMER(4001, Advice.RECONNECT, "too slow: frames piled up, reconnect and resume"),
    /** This replica is shutting down; reconnect (to any replica) and resume. */
    GOING_AWAY(4002, Advice.RECONNECT, "replica shutting down, reconnect and resume"),
    /** Sustained flood of frames after rate-limit errors; reconnect after a backoff. */
    FLOODING(4003, Advice.RECONNECT, "too many frames: reconnect after a backoff"),
    /** The user has too many connections on this replica; close another one, or retry later. */
    TOO_MANY_CONNECTIONS(4004, Advice.RECONNECT, "too many connections for this user"),
    /** The token names no subject that can be a channel. */
    UNUSABLE_TOKEN(4100, Advice.DO_NOT_RECONNECT, "token has no usable subject");

    /** What a client should do after a close with this code. */
    public enum Advice {
        /** reconnect with backoff and resume with the cursor */
        RECONNECT,
        /** do not reconnect with the same credentials */
        DO_NOT_RECONNECT
    }

    private final int code;
    private final Advice advice;
    private final CloseReason reason;

    CloseCode(int code, Advice advice, String message) {
        this.code = code;
        this.advice = advice;
        this.reason = new CloseReason(code, message);
    }

    public int code() {
        return code;
    }

    public Advice advice() {
        return advice;
    }

    /** The reason websockets-next sends. */
    public CloseReason reason() {
        return reason;
    }
}
