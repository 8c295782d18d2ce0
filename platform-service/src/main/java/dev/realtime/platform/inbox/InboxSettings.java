package dev.realtime.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the inbox remembers events, and how its consumers retry while the database is away. */
@ConfigMapping(prefix = "rt.inbox")
public interface InboxSettings {

    /**
     * How long a processed event id is kept. A redelivery older than this is applied again, so keep it above the
     * longest time a record can wait on its topic (the topic's retention; Kafka's default is 7 days).
     */
    @WithDefault("7d")
    Duration retention();

    /** How often old entries are deleted. */
    @WithDefault("1h")
    Duration pruneInterval();

    /** First wait after a transient failure (database unreachable); doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between two attempts at one record while the failure lasts. */
    @WithDefault("5s")
    Duration maxBackoff();
}
