package dev.realtime.gateway.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.config.SignalsConfig;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameException;
import dev.realtime.gateway.session.Session;
import dev.realtime.gateway.signals.TypingSignals;
import dev.realtime.platform.event.Channels;

/**
 * {@code typing}: the user started or stopped typing in a room the connection is subscribed to. Not acked; the
 * room's other subscribers, on every replica, get a {@code typing} frame. A {@code start} sooner than
 * {@code gateway.typing.debounce} after the connection's last typing frame for that room is dropped silently;
 * a {@code stop} always passes.
 */
@ApplicationScoped
public class TypingCommand implements Command {

    private final TypingSignals typing;
    private final long debounceNanos;

    @Inject
    public TypingCommand(TypingSignals typing, SignalsConfig config) {
        this.typing = typing;
        this.debounceNanos = config.typing().debounce().toNanos();
    }

    @Override
    public String type() {
        return "typing";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        String room = subscribedRoom(session, frame);
        String state = frame.requiredChoice("state", TypingSignals.START, TypingSignals.STOP);
        boolean allowed = session.typingAllowed(room, System.nanoTime(), debounceNanos);
        if (allowed || TypingSignals.STOP.equals(state)) {
            typing.typed(room, session.subject(), state);
        }
    }

    /** The frame's {@code room}, which the connection must be subscribed to. */
    static String subscribedRoom(Session session, ClientFrame frame) {
        String room = frame.requiredString("room", SendCommand.MAX_ID);
        if (!session.isSubscribed(Channels.ROOM_PREFIX + room)) {
            throw new FrameException(ErrorCode.NOT_SUBSCRIBED,
                    "subscribe to room:" + ClientFrame.quoted(room) + " first");
        }
        return room;
    }
}
