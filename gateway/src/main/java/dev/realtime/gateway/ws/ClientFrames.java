package dev.realtime.gateway.ws;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.realtime.gateway.config.GatewayConfig;

/**
 * Reads the frames clients send and answers each with exactly one frame. A frame that cannot be understood is
 * answered with an error frame; it never closes the connection.
 */
@ApplicationScoped
public class ClientFrames {

    /** Longest piece of a client's own input quoted back in an error message. */
    private static final int MAX_QUOTED = 64;

    private final ObjectReader reader;
    private final ServerFrames frames;
    private final int maxFrameBytes;

    /** The answer to one client frame. */
    public record Reply(FrameType type, String frame) {

        public boolean accepted() {
            return type != FrameType.ERROR;
        }
    }

    @Inject
    public ClientFrames(ObjectMapper mapper, ServerFrames frames, GatewayConfig config) {
        // "{...} trailing" is not one frame
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.frames = frames;
        this.maxFrameBytes = config.maxInboundFrameBytes();
    }

    /** The answer to a text frame. */
    public Reply answer(String text) {
        if (utf8Length(text, maxFrameBytes) > maxFrameBytes) {
            return error(ErrorCodes.FRAME_TOO_LARGE, "a frame may have at most " + maxFrameBytes + " bytes", null);
        }
        JsonNode frame;
        try {
            frame = reader.readTree(text);
        } catch (IOException e) {
            return error(ErrorCodes.BAD_FRAME, "not valid JSON", null);
        }
        if (frame == null || !frame.isObject()) {
            return error(ErrorCodes.BAD_FRAME, "a frame is a JSON object", null);
        }
        JsonNode id = frame.get("id");
        if (id != null && !id.isTextual() && !id.isNumber()) {
            return error(ErrorCodes.BAD_FRAME, "\"id\" must be a string or a number", null);
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            return error(ErrorCodes.BAD_FRAME, "a frame needs a string \"type\"", id);
        }
        return switch (type.textValue()) {
            case "ping" -> new Reply(FrameType.PONG, frames.pong(id));
            default -> error(ErrorCodes.UNKNOWN_TYPE, "unknown frame type \"" + quoted(type.textValue()) + "\"", id);
        };
    }

    /** The answer to a binary frame: the protocol is JSON text only. */
    public Reply answerBinary() {
        return error(ErrorCodes.BAD_FRAME, "binary frames are not supported: send JSON text frames", null);
    }

    private Reply error(String code, String message, JsonNode id) {
        return new Reply(FrameType.ERROR, frames.error(code, message, id));
    }

    private static String quoted(String input) {
        return input.length() <= MAX_QUOTED ? input : input.substring(0, MAX_QUOTED) + "...";
    }

    /** UTF-8 length of a string, counting no further than just past {@code limit}. */
    static int utf8Length(String text, int limit) {
        if (text.length() > limit) {
            // every char takes at least one byte
            return text.length();
        }
        int bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                // a surrogate pair is one 4-byte code point
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
