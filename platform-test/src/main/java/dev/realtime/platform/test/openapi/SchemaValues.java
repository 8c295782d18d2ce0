package dev.realtime.platform.test.openapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Values that satisfy a JSON schema of the document, and the ways to spoil one. */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Draw draw;

    SchemaValues(JsonNode document, Draw draw) {
        this.document = document;
        this.draw = draw;
    }

    /** Follows {@code $ref}s into {@code #/components/schemas}. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && current.has("$ref") && depth < 16; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("dangling reference " + ref);
            }
            current = target;
        }
        return current;
    }

    /** A copy of the schema with every reference replaced by its target, for a validator that needs no document. */
    JsonNode inline(JsonNode schema) {
        return inline(schema, 0);
    }

    private JsonNode inline(JsonNode schema, int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("schema nests too deep (a cycle?)");
        }
        JsonNode resolved = resolve(schema);
        if (resolved.isObject()) {
            ObjectNode copy = JSON.objectNode();
            resolved.fields().forEachRemaining(field -> copy.set(field.getKey(), inline(field.getValue(), depth + 1)));
            return copy;
        }
        if (resolved.isArray()) {
            ArrayNode copy = JSON.arrayNode();
            resolved.forEach(element -> copy.add(inline(element, depth + 1)));
            return copy;
        }
        return resolved;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return "";
    }

    JsonNode valid(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            List<JsonNode> values = new ArrayList<>();
            s.get("enum").forEach(values::add);
            return draw.oneOf(values);
        }
        return switch (type(s)) {
            case "object" -> validObject(s);
            case "array" -> validArray(s);
            case "integer" -> JSON.numberNode(validInteger(s));
            case "number" -> JSON.numberNode(BigDecimal.valueOf(validInteger(s)));
            case "boolean" -> JSON.booleanNode(draw.chance(0.5));
            case "string" -> JSON.textNode(validString(s));
            default -> JSON.textNode(draw.text(1, 8));
        };
    }

    private ObjectNode validObject(JsonNode s) {
        ObjectNode object = JSON.objectNode();
        List<String> required = required(s);
        for (Iterator<String> names = s.path("properties").fieldNames(); names.hasNext();) {
            String name = names.next();
            if (required.contains(name) || draw.chance(0.7)) {
                object.set(name, valid(s.path("properties").get(name)));
            }
        }
        return object;
    }

    private ArrayNode validArray(JsonNode s) {
        ArrayNode array = JSON.arrayNode();
        int min = s.path("minItems").asInt(0);
        int max = Math.max(min, Math.min(s.path("maxItems").asInt(3), min + 3));
        for (int i = draw.between(min, max); i > 0; i--) {
            array.add(valid(s.path("items")));
        }
        return array;
    }

    private long validInteger(JsonNode s) {
        long min = s.has("minimum") ? s.get("minimum").asLong() : 0;
        long max = s.has("maximum") ? s.get("maximum").asLong() : Math.max(min, 0) + 1000;
        if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
            min = s.get("exclusiveMinimum").asLong() + 1;
        }
        if (s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()) {
            max = s.get("exclusiveMaximum").asLong() - 1;
        }
        return draw.between(min, max);
    }

    private String validString(JsonNode s) {
        String format = s.path("format").asText("");
        switch (format) {
            case "uuid":
                return UUID.randomUUID().toString();
            case "date":
                return LocalDate.now(ZoneOffset.UTC).plusDays(draw.between(1, 300)).toString();
            case "date-time":
                return Instant.now().plusSeconds(draw.between(60, 86_400)).toString();
            case "email":
                return draw.text(1, 8).replace(' ', 'x') + "@example.com";
            default:
                break;
        }
        int minLength = s.path("minLength").asInt(1);
        int maxLength = Math.max(minLength, s.path("maxLength").asInt(Math.max(minLength, 24)));
        if (s.has("pattern")) {
            String sample = PatternSample.sample(s.get("pattern").asText(), draw.random());
            if (sample != null && sample.length() >= minLength && sample.length() <= maxLength) {
                return sample;
            }
            JsonNode examples = s.path("examples");
            if (examples.isArray() && !examples.isEmpty()) {
                return examples.get(draw.between(0, examples.size() - 1)).asText();
            }
        }
        String text = draw.text(minLength, Math.min(maxLength, minLength + 24)).strip();
        while (text.length() < minLength) {
            text = text + "x";
        }
        return text.isEmpty() ? "x" : text;
    }

    static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** A value of another JSON type than the schema's: what a strict server must refuse. */
    JsonNode wrongType(JsonNode schema) {
        return switch (type(resolve(schema))) {
            case "string" -> draw.chance(0.5) ? JSON.numberNode(draw.between(0, 99)) : JSON.booleanNode(true);
            case "integer" -> draw.chance(0.5) ? JSON.numberNode(new BigDecimal("1.5")) : JSON.textNode("7");
            case "number", "boolean" -> JSON.textNode("true");
            case "array" -> JSON.objectNode();
            default -> JSON.arrayNode();
        };
    }

    /** A value of the right type that breaks one of the schema's bounds, or null if the schema sets none. */
    JsonNode outOfBounds(JsonNode schema) {
        JsonNode s = resolve(schema);
        String type = type(s);
        if (("integer".equals(type) || "number".equals(type)) && s.has("maximum")) {
            return JSON.numberNode(s.get("maximum").asLong() + 1);
        }
        if (("integer".equals(type) || "number".equals(type)) && s.has("minimum")) {
            return JSON.numberNode(s.get("minimum").asLong() - 1);
        }
        if ("string".equals(type) && s.has("maxLength")) {
            return JSON.textNode("y".repeat(s.get("maxLength").asInt() + 1));
        }
        if ("string".equals(type) && s.path("minLength").asInt(0) > 0) {
            return JSON.textNode("");
        }
        if ("string".equals(type) && "date".equals(s.path("format").asText())) {
            return JSON.textNode("2001-02-30");
        }
        return null;
    }
}
