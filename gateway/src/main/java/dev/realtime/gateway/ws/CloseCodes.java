package dev.realtime.gateway.ws;

import io.quarkus.websockets.next.CloseReason;

/**
 * Close codes the gateway uses, grouped by what the client should do (see docs/protocol.md):
 * 4000-4099 reconnect (with backoff), 4100-4199 do not reconnect with the same credentials.
 */
public final class CloseCodes {

    /** The client did not read its frames fast enough; reconnecting gives it a fresh, empty queue. */
    public static final CloseReason SLOW_CONSUMER = new CloseReason(4001, "too slow: frames piled up, reconnect");

    /** The token was valid but names no usable subject, so there is no user channel to subscribe to. */
    public static final CloseReason UNUSABLE_TOKEN = new CloseReason(4100, "token has no usable subject");

    private CloseCodes() {
    }
}
