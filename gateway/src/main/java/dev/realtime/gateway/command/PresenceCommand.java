package dev.realtime.gateway.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.presence.Presence;
import dev.realtime.gateway.protocol.ClientFrame;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.session.Session;

/**
 * {@code presence}: the online members of a room the connection is subscribed to, over every replica, answered
 * with a {@code presence} frame. The connection's own user is among them.
 */
@ApplicationScoped
public class PresenceCommand implements Command {

    private final Presence presence;
    private final Replies replies;

    @Inject
    public PresenceCommand(Presence presence, Replies replies) {
        this.presence = presence;
        this.replies = replies;
    }

    @Override
    public String type() {
        return "presence";
    }

    @Override
    public void handle(Session session, ClientFrame frame) {
        String room = TypingCommand.subscribedRoom(session, frame);
        JsonNode id = frame.id();
        presence.online(room).whenComplete((members, failure) -> {
            if (failure != null) {
                replies.error(session, id, ErrorCode.UNAVAILABLE, "presence is not available now; retry");
                return;
            }
            ObjectNode answer = replies.frames().frame(FrameType.PRESENCE, id).put("room", room);
            ArrayNode users = answer.putArray("users");
            members.forEach(member -> users.addObject().put("user", member.user()).put("status", member.status()));
            replies.send(session, FrameType.PRESENCE, replies.frames().write(answer));
        });
    }
}
