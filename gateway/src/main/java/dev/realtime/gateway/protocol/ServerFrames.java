package dev.realtime.gateway.protocol;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's own frames (everything but {@code event}, which {@link EventFrames} builds without parsing), as
 * UTF-8 JSON written with Jackson's tree model: no reflection, so nothing to register for a native image.
 * Thread-safe. docs/protocol.md describes every frame built here.
 */
@ApplicationScoped
public class ServerFrames {

    /** Version of the frame protocol, sent in the welcome frame. */
    public static final int PROTOCOL_VERSION = 1;

    private final ObjectMapper mapper;

    @Inject
    public ServerFrames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] welcome(String connectionId, String subject, Collection<String> channels) {
        ObjectNode frame = frame(FrameType.WELCOME, null)
                .put("v", PROTOCOL_VERSION)
                .put("connectionId", connectionId)
                .put("subject", subject);
        channels.forEach(frame.putArray("channels")::add);
        return write(frame);
    }

    public byte[] pong(JsonNode id) {
        return write(frame(FrameType.PONG, id));
    }

    public byte[] error(JsonNode id, ErrorCode code, String message) {
        return write(frame(FrameType.ERROR, id).put("code", code.wireName()).put("message", message));
    }

    /** An error about one channel, which the frame names so that a client can tell its subscriptions apart. */
    public byte[] channelError(JsonNode id, String channel, ErrorCode code, String message) {
        return write(frame(FrameType.ERROR, id).put("code", code.wireName()).put("message", message)
                .put("channel", channel));
    }

    public byte[] subscribed(JsonNode id, String channel) {
        return write(frame(FrameType.SUBSCRIBED, id).put("channel", channel));
    }

    /** @param reason {@code requested} (the client's unsubscribe) or {@code revoked} (the owning service's) */
    public byte[] unsubscribed(JsonNode id, String channel, String reason) {
        return write(frame(FrameType.UNSUBSCRIBED, id).put("channel", channel).put("reason", reason));
    }

    public byte[] sent(JsonNode id, String room, String clientMessageId) {
        return write(frame(FrameType.SENT, id).put("room", room).put("clientMessageId", clientMessageId));
    }

    public byte[] statusSet(JsonNode id, String status) {
        return write(frame(FrameType.STATUS_SET, id).put("status", status));
    }

    /** A frame of this type with the given fields already set; for frames built by their own concept. */
    public ObjectNode frame(FrameType type, JsonNode id) {
        ObjectNode frame = mapper.createObjectNode().put("type", type.wireName());
        if (id != null) {
            frame.set("id", id);
        }
        return frame;
    }

    public byte[] write(ObjectNode frame) {
        try {
            return mapper.writeValueAsBytes(frame);
        } catch (JsonProcessingException e) {
            // a tree of strings and numbers always serialises
            throw new IllegalStateException("cannot write frame " + frame, e);
        }
    }
}
