package dev.realtime.auth.rest;

import java.time.Duration;

/** A login refused because of earlier failures; answered 429 with {@code Retry-After} by {@link ThrottledMapper}. */
class ThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    ThrottledException(Duration wait) {
        super("too many failed logins");
        // round up: a client that waits exactly Retry-After must not be refused again
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
