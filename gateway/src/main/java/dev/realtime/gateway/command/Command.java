package dev.realtime.gateway.command;

import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.session.Session;

/**
 * The handler of one client frame type. Called on the session's event loop; it must not block. A handler that
 * needs Kafka or a service starts the call and returns; the answer is sent when the call completes
 * ({@link Replies}). A malformed frame is a {@code FrameException}, which the dispatcher answers.
 */
public interface Command {

    /** The frame {@code type} this handles. */
    String type();

    void handle(Session session, ClientFrame frame);
}
