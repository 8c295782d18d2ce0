package dev.realtime.gateway.authorization;

import dev.realtime.gateway.protocol.ErrorCode;

/** The answer to "may this user subscribe to this channel"; everything but {@link #ALLOWED} has an error code. */
public enum Decision {
    ALLOWED(null),
    FORBIDDEN(ErrorCode.FORBIDDEN),
    NOT_FOUND(ErrorCode.NOT_FOUND),
    UNKNOWN_CHANNEL(ErrorCode.UNKNOWN_CHANNEL),
    /** the owning service did not answer in time or answered with an error: not cached, retry */
    UNAVAILABLE(ErrorCode.UNAVAILABLE);

    private final ErrorCode error;

    Decision(ErrorCode error) {
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }

    /** Whether the answer may be reused until the cache TTL. */
    boolean cacheable() {
        return this == ALLOWED || this == FORBIDDEN || this == NOT_FOUND;
    }
}
