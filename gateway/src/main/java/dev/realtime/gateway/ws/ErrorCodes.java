package dev.realtime.gateway.ws;

/** The stable {@code code} values of error frames; clients switch on them, so they never change meaning. */
public final class ErrorCodes {

    /** The frame is not a JSON object with a string {@code type}, or one of its fields is malformed. */
    public static final String BAD_FRAME = "bad-frame";
    /** The frame's {@code type} is not one this protocol version knows. */
    public static final String UNKNOWN_TYPE = "unknown-type";
    /** The frame is larger than {@code gateway.max-inbound-frame-bytes}. */
    public static final String FRAME_TOO_LARGE = "frame-too-large";

    private ErrorCodes() {
    }
}
