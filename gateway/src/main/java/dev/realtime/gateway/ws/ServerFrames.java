package dev.realtime.gateway.ws;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's own frames (welcome, pong, error), written with Jackson's tree model: no reflection, so
 * nothing to register for a native image. Event frames are not built here but by {@link EventFrameEncoder},
 * which never parses the record value.
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

    /** The first frame of every connection. */
    public String welcome(String connectionId, String subject, List<String> channels) {
        ObjectNode frame = frame(FrameType.WELCOME)
                .put("v", PROTOCOL_VERSION)
                .put("connectionId", connectionId)
                .put("subject", subject);
        channels.forEach(frame.putArray("channels")::add);
        return write(frame);
    }

    /** The answer to a ping; {@code id} is the ping's, or null if it had none. */
    public String pong(JsonNode id) {
        ObjectNode frame = frame(FrameType.PONG);
        if (id != null) {
            frame.set("id", id);
        }
        return write(frame);
    }

    /** An error about a client frame; {@code id} is that frame's, or null if it had no usable one. */
    public String error(String code, String message, JsonNode id) {
        ObjectNode frame = frame(FrameType.ERROR).put("code", code).put("message", message);
        if (id != null) {
            frame.set("id", id);
        }
        return write(frame);
    }

    private ObjectNode frame(FrameType type) {
        return mapper.createObjectNode().put("type", type.wireName());
    }

    private String write(ObjectNode frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            // a tree of strings and numbers always serialises
            throw new IllegalStateException("cannot write frame " + frame, e);
        }
    }
}
