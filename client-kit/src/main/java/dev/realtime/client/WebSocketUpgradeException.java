package dev.realtime.client;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;

/**
 * The gateway did not accept a WebSocket upgrade; {@link #status()} is the HTTP status it answered with. Unchecked:
 * for a test or the smoke client a refused upgrade is a failure, except where it is what the test asserts.
 */
public final class WebSocketUpgradeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    WebSocketUpgradeException(URI uri, int status, String reason, Throwable cause) {
        super("WebSocket upgrade to " + uri + " refused: " + reason, cause);
        this.status = status;
    }

    static WebSocketUpgradeException from(URI uri, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            return new WebSocketUpgradeException(uri, status, "HTTP " + status, cause);
        }
        return new WebSocketUpgradeException(uri, -1, String.valueOf(cause), cause);
    }

    /** The HTTP status of the refused upgrade, or -1 if there was no HTTP answer. */
    public int status() {
        return status;
    }
}
