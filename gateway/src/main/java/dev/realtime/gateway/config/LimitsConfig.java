package dev.realtime.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What one connection may ask of a replica, and what a replica queues for it (docs/protocol.md, "Limits"). */
@ConfigMapping(prefix = "gateway.limits")
public interface LimitsConfig {

    /**
     * Largest client text frame, in UTF-8 bytes, the gateway reads; a larger one is answered with a
     * {@code frame-too-large} error frame. Frames above {@code quarkus.websockets-next.server.max-message-size}
     * never reach the gateway: the server closes the connection with 1009.
     */
    @WithDefault("16384")
    int maxFrameBytes();

    /** Sustained client frames per second per connection (token bucket refill rate). */
    @WithDefault("20")
    int framesPerSecond();

    /** Frames a connection may send at once above the sustained rate (token bucket size). */
    @WithDefault("40")
    int frameBurst();

    /**
     * Frames refused with {@code rate-limited} in a row, with no accepted frame between, before the connection
     * is closed with 4003 for flooding.
     */
    @WithDefault("100")
    int floodStrikes();

    /** Channels a connection may subscribe to explicitly (room and booking channels; the automatic ones are free). */
    @WithDefault("200")
    int maxSubscriptions();

    /** Connections one user (token subject) may hold on one replica; the next one is closed with 4004. */
    @WithDefault("20")
    int maxConnectionsPerUser();

    /**
     * Bytes written to one connection and not yet taken by its socket. A client that lets more pile up is not
     * reading: it is closed with 4001 and resumes from history when it reconnects.
     */
    @WithDefault("4194304")
    long maxQueuedBytes();

    /** Frames written to one connection and not yet taken by its socket; the same rule as {@link #maxQueuedBytes()}. */
    @WithDefault("8192")
    int maxQueuedFrames();

    /** Above this many queued bytes a connection gets no ephemeral frames (typing, presence): events go first. */
    @WithDefault("262144")
    long ephemeralDropBytes();

    /**
     * Bytes of records handed to the event loops and not yet written, over every connection. Above it the
     * gateway pauses its Kafka reading until half of it has drained: when the gateway itself is behind, Kafka
     * is the buffer, and no client is blamed.
     */
    @WithDefault("33554432")
    long maxInFlightBytes();
}
