package dev.realtime.platform.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits every REST service applies to a request before any resource sees it. */
@ConfigMapping(prefix = "rt.http")
public interface HttpSettings {

    /**
     * Longest request target (path and query) answered normally; a longer one gets a 414 problem. The HTTP
     * server's own line limit ({@code quarkus.http.limits.max-initial-line-length}) is set above it, so that
     * the refusal is a problem+json body rather than the server's bare status line.
     */
    @WithDefault("4096")
    int maxUrlLength();
}
