package dev.realtime.gateway.protocol;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parses client text frames. A frame that cannot be understood is a {@link FrameException}; when its {@code id}
 * could be read, the exception's answer carries it ({@link Rejected#id()}).
 */
public final class FrameReader {

    private final ObjectReader reader;
    private final int maxFrameBytes;

    /** A frame refused before any command saw it. */
    public static final class Rejected extends RuntimeException {

        private final FrameException cause;
        private final JsonNode id;

        Rejected(FrameException cause, JsonNode id) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
            this.id = id;
        }

        public ErrorCode code() {
            return cause.code();
        }

        /** The frame's id, or null. */
        public JsonNode id() {
            return id;
        }
    }

    public FrameReader(ObjectMapper mapper, int maxFrameBytes) {
        // "{...} trailing" is not one frame
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxFrameBytes = maxFrameBytes;
    }

    public ClientFrame read(String text) {
        if (utf8Length(text, maxFrameBytes) > maxFrameBytes) {
            throw rejected(ErrorCode.FRAME_TOO_LARGE, "a frame may have at most " + maxFrameBytes + " bytes", null);
        }
        JsonNode frame;
        try {
            frame = reader.readTree(text);
        } catch (IOException e) {
            throw rejected(ErrorCode.BAD_FRAME, "not valid JSON", null);
        }
        if (frame == null || !frame.isObject()) {
            throw rejected(ErrorCode.BAD_FRAME, "a frame is a JSON object", null);
        }
        JsonNode id = frame.get("id");
        if (id != null && !id.isTextual() && !(id.isIntegralNumber() && id.canConvertToLong())) {
            throw rejected(ErrorCode.BAD_FRAME, "\"id\" must be a string or an integer", null);
        }
        if (id != null && id.isTextual() && id.textValue().length() > 64) {
            throw rejected(ErrorCode.BAD_FRAME, "\"id\" may have at most 64 characters", null);
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            throw rejected(ErrorCode.BAD_FRAME, "a frame needs a string \"type\"", id);
        }
        return new ClientFrame(type.textValue(), id, (ObjectNode) frame);
    }

    /** The error for a binary frame: the protocol is JSON text only. */
    public static Rejected binary() {
        return rejected(ErrorCode.BAD_FRAME, "binary frames are not supported: send JSON text frames", null);
    }

    private static Rejected rejected(ErrorCode code, String message, JsonNode id) {
        return new Rejected(new FrameException(code, message), id);
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
