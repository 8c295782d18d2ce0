package dev.realtime.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One frame a client sent: a JSON object with a string {@code type} and an optional {@code id} (string or number)
 * that the answer repeats. The accessors check each field and throw {@link FrameException} with
 * {@link ErrorCode#BAD_FRAME} and the field's name, so every command gets the same precise errors.
 */
public final class ClientFrame {

    /** Longest piece of a client's own input quoted back in an error message. */
    private static final int MAX_QUOTED = 64;

    private final String type;
    private final JsonNode id;
    private final ObjectNode fields;

    ClientFrame(String type, JsonNode id, ObjectNode fields) {
        this.type = type;
        this.id = id;
        this.fields = fields;
    }

    public String type() {
        return type;
    }

    /** The frame's {@code id}, or null. */
    public JsonNode id() {
        return id;
    }

    /** A string field that must be present, non-blank and at most {@code maxLength} characters. */
    public String requiredString(String name, int maxLength) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw bad("\"" + name + "\" is required");
        }
        if (!value.isTextual()) {
            throw bad("\"" + name + "\" must be a string");
        }
        String text = value.textValue();
        if (text.isBlank()) {
            throw bad("\"" + name + "\" must not be blank");
        }
        if (text.length() > maxLength) {
            throw bad("\"" + name + "\" may have at most " + maxLength + " characters");
        }
        return text;
    }

    /** A string field that must be one of {@code allowed}. */
    public String requiredChoice(String name, String... allowed) {
        String value = requiredString(name, MAX_QUOTED);
        for (String choice : allowed) {
            if (choice.equals(value)) {
                return value;
            }
        }
        throw bad("\"" + name + "\" must be one of " + String.join(", ", allowed));
    }

    /** An object field that must be present. */
    public JsonNode requiredObject(String name) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isObject()) {
            throw bad("\"" + name + "\" must be an object");
        }
        return value;
    }

    /** An array field that must be present. */
    public JsonNode requiredArray(String name) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isArray()) {
            throw bad("\"" + name + "\" must be an array");
        }
        return value;
    }

    /** The whole frame, for commands with nested structure. */
    public ObjectNode fields() {
        return fields;
    }

    public static FrameException bad(String message) {
        return new FrameException(ErrorCode.BAD_FRAME, message);
    }

    /** A client's input, cut short enough to quote in an error message. */
    public static String quoted(String input) {
        return input.length() <= MAX_QUOTED ? input : input.substring(0, MAX_QUOTED) + "...";
    }
}
