package dev.realtime.chat.service;

import dev.realtime.platform.problem.ProblemException;

/**
 * A message that is not posted, with a stable reason code. Over REST it is the problem's type
 * ({@code https://realtime.dev/problems/<reason>}); for a command from the gateway it is the {@code reason} of
 * the {@code message.rejected} event sent to the sender. Thrown before the send has written anything.
 */
public class MessageRefused extends ProblemException {

    public static final String INVALID_COMMAND = "invalid-command";
    public static final String BLANK = "blank";
    public static final String TOO_LONG = "too-long";
    public static final String ROOM_NOT_FOUND = "room-not-found";
    public static final String NOT_A_MEMBER = "not-a-member";
    public static final String MUTED = "muted";

    private final String reason;

    public MessageRefused(int status, String reason, String detail) {
        super(status, reason, "Message refused", detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
