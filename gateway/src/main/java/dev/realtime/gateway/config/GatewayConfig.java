package dev.realtime.gateway.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the gateway: what it reads from Kafka and the limits it puts on each connection. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * Delivery topics this replica reads in full (every partition, no consumer group); created if missing. The
     * default names every domain's delivery topic through the {@code rt.topic.*} keys of {@code Topics}.
     */
    @WithDefault("${rt.topic.auth-user-events},${rt.topic.chat-events},${rt.topic.booking-events},"
            + "${rt.topic.notification-events}")
    List<String> topics();

    /** Longest wait of one Kafka poll; also bounds how long a shutdown waits for the delivery thread. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** How often the delivery thread looks for partitions added to the delivery topics since it started. */
    @WithDefault("30s")
    Duration partitionCheckInterval();

    /** First wait after Kafka could not be reached; doubles up to {@link #retryMaxBackoff()}. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** Longest wait between two attempts to reach Kafka. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /**
     * Largest client text frame, in UTF-8 bytes, the gateway reads; a larger one is answered with a
     * {@code frame-too-large} error frame. Frames above {@code quarkus.websockets-next.server.max-message-size}
     * never reach the gateway: the server closes the connection with 1009.
     */
    @WithDefault("16384")
    int maxInboundFrameBytes();

    /**
     * Frames queued for one connection and not yet written to its socket. A client that lets more pile up is
     * too slow to keep up: its connection is closed with 4001 so that it cannot hold memory or others back.
     */
    @WithDefault("1000")
    int maxPendingFrames();
}
