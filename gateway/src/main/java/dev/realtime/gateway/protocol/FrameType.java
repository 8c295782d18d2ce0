package dev.realtime.gateway.protocol;

/** The kinds of frame the gateway sends: the {@code type} field of each server frame, and a metrics tag. */
public enum FrameType {
    WELCOME("welcome"),
    EVENT("event"),
    PONG("pong"),
    ERROR("error"),
    SUBSCRIBED("subscribed"),
    UNSUBSCRIBED("unsubscribed"),
    SENT("sent"),
    TYPING("typing"),
    PRESENCE("presence"),
    PRESENCE_CHANGED("presence-changed"),
    STATUS_SET("status-set"),
    REFRESHED("refreshed"),
    POSITION("position"),
    RESUMED("resumed"),
    NOT_RECOVERABLE("not-recoverable");

    private final String wireName;

    FrameType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the frame's {@code type} field. */
    public String wireName() {
        return wireName;
    }
}
