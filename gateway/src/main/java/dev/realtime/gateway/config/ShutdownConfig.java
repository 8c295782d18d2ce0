package dev.realtime.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a replica leaves on SIGTERM. The pod's termination grace must be longer than the drain period. */
@ConfigMapping(prefix = "gateway.shutdown")
public interface ShutdownConfig {

    /**
     * Over how long the replica's clients are closed with 4002 ("reconnect elsewhere"), evenly spread, so that
     * the other replicas are not hit by all of them at once.
     */
    @WithDefault("10s")
    Duration drain();
}
