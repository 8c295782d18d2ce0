package dev.realtime.gateway.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the gateway reads from Kafka and how; the limits per connection are {@link LimitsConfig}. */
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
}
