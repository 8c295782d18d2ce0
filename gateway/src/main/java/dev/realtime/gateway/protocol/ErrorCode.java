package dev.realtime.gateway.protocol;

/**
 * The stable {@code code} of error frames; clients switch on it, so a code never changes meaning. Each is
 * documented in docs/protocol.md.
 */
public enum ErrorCode {

    /** not JSON, not an object, no string {@code type}, or a field missing or of the wrong kind */
    BAD_FRAME("bad-frame"),
    /** a {@code type} this protocol version does not know */
    UNKNOWN_TYPE("unknown-type"),
    /** larger than {@code gateway.limits.max-frame-bytes} */
    FRAME_TOO_LARGE("frame-too-large"),
    /** a channel name that is no known kind ({@code user:}, {@code role:}, {@code broadcast}, {@code room:}, {@code booking:}) */
    UNKNOWN_CHANNEL("unknown-channel"),
    /** the owning service (or the token, for user and role channels) does not give this user the channel */
    FORBIDDEN("forbidden"),
    /** the room or booking does not exist */
    NOT_FOUND("not-found"),
    /** the frame needs a subscription to the room first */
    NOT_SUBSCRIBED("not-subscribed"),
    /** more than {@code gateway.limits.max-subscriptions} subscriptions */
    TOO_MANY_SUBSCRIPTIONS("too-many-subscriptions"),
    /** frames faster than {@code gateway.limits.frames-per-second}; this one was not processed */
    RATE_LIMITED("rate-limited"),
    /** a service or Kafka could not be reached in time; the frame was not processed, retry it */
    UNAVAILABLE("unavailable"),
    /** the refresh token does not verify */
    INVALID_TOKEN("invalid-token"),
    /** the refresh token names another subject */
    SUBJECT_MISMATCH("subject-mismatch"),
    /** a resume cursor whose epoch or offsets cannot be served */
    BAD_CURSOR("bad-cursor");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
