package dev.realtime.gateway.protocol;

/** A client frame that cannot be accepted; answered with an error frame, the connection stays open. */
public final class FrameException extends RuntimeException {

    private final ErrorCode code;

    public FrameException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
