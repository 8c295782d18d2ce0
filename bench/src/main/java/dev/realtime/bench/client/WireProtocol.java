package dev.realtime.bench.client;

/** How a benchmark client talks to the server under test. */
public enum WireProtocol {

    /**
     * The gateway's protocol v1: the token in {@code Authorization: Bearer} on the upgrade, a {@code welcome} frame
     * first, then {@code event} frames carrying the record value as {@code event}.
     */
    GATEWAY,

    /**
     * The minimal Engine.IO v4 / Socket.IO v4 client over a bare WebSocket: {@code 0{..}} open, {@code 40{"token":..}}
     * connect to the default namespace with the token as handshake auth, {@code 42["event",<string>]} events, ping
     * {@code 2} answered with pong {@code 3}.
     */
    SOCKET_IO;

    /** The path and query to upgrade on. */
    public String path() {
        return this == GATEWAY ? "/ws" : "/socket.io/?EIO=4&transport=websocket";
    }
}
