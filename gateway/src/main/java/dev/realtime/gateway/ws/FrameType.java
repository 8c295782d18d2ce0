package dev.realtime.gateway.ws;

/** The kinds of frame the gateway sends; the {@code type} field of each server frame. */
public enum FrameType {
    WELCOME("welcome"),
    EVENT("event"),
    PONG("pong"),
    ERROR("error");

    private final String wireName;

    FrameType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the frame's {@code type} field. */
    public String wireName() {
        return wireName;
    }
}
