package dev.realtime.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway asks the owning services who may subscribe to their channels. The services' addresses are
 * the REST clients' own keys, {@code quarkus.rest-client.chat-access.url} and
 * {@code quarkus.rest-client.booking-access.url}.
 */
@ConfigMapping(prefix = "gateway.authorization")
public interface AuthorizationConfig {

    /**
     * How long a service's answer is reused for the same user and channel. A revocation from the owning
     * service removes the entry at once, so the TTL only bounds how stale a grant can be when a revocation is
     * lost, and how often a re-subscribing client costs a call.
     */
    @WithDefault("30s")
    Duration cacheTtl();

    /** Answers kept at most; beyond it the oldest half goes. */
    @WithDefault("100000")
    int cacheSize();
}
