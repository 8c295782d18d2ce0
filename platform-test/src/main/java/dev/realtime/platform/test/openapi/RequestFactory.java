package dev.realtime.platform.test.openapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.realtime.platform.test.TestTokens;

/** Draws requests for an operation: valid ones, and ones spoilt in one of the ways clients get wrong. */
final class RequestFactory {

    static final String VALID = "none";
    /** Spoilt bodies, for operations that take one. */
    private static final List<String> BODY_MUTATIONS = List.of("missing-required", "wrong-type", "out-of-bounds",
            "nul-character", "duplicate-member", "trailing-content", "not-an-object", "malformed-json",
            "deep-nesting", "text-plain", "no-body");
    /** Spoilt requests, for any operation. */
    private static final List<String> REQUEST_MUTATIONS = List.of("accept-html", "accept-empty",
            "accept-garbage", "bad-percent-encoding", "encoded-nul", "uri-too-long", "bad-token", "bad-path-param");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Draw draw;
    private final SchemaValues values;
    private final List<String> knownIds;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    RequestFactory(Draw draw, SchemaValues values, List<String> knownIds, Map<String, String> callerTokens) {
        this.draw = draw;
        this.values = values;
        this.knownIds = knownIds;
        tokens.put("anonymous", null);
        tokens.putAll(callerTokens);
    }

    /** Tokens of the test key set for two users and an admin: what services that verify against a JWKS accept. */
    static Map<String, String> testTokens(String adminRole) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("user", TestTokens.token(UUID.randomUUID().toString(), "user"));
        tokens.put("other-user", TestTokens.token(UUID.randomUUID().toString(), "user"));
        tokens.put("admin", TestTokens.token(UUID.randomUUID().toString(), "user", adminRole));
        return tokens;
    }

    GuardRequest draw(ApiOperation operation) {
        String caller = operation.secured() && draw.chance(0.85)
                ? draw.oneOf(List.copyOf(tokens.keySet()).subList(1, tokens.size()))
                : draw.oneOf(List.copyOf(tokens.keySet()));
        List<String> mutations = new ArrayList<>(REQUEST_MUTATIONS);
        if (operation.bodySchema() != null) {
            mutations.addAll(BODY_MUTATIONS);
        }
        String mutation = draw.chance(0.5) ? VALID : draw.oneOf(mutations);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", switch (mutation) {
            case "accept-html" -> "text/html";
            case "accept-empty" -> "";
            case "accept-garbage" -> draw.oneOf(List.of("application/json;;", "json", "*/*,,", "a/b;q"));
            default -> draw.oneOf(List.of("application/json", "*/*", "application/json, application/problem+json"));
        });
        String token = tokens.get(caller);
        if ("bad-token".equals(mutation)) {
            headers.put("Authorization", "Bearer " + draw.oneOf(List.of("garbage", "a.b.c", "")));
        } else if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        String[] applied = { mutation };
        byte[] body = body(operation, applied, headers);
        return new GuardRequest(operation, caller, applied[0], target(operation, applied[0]), headers, body);
    }

    private String target(ApiOperation operation, String mutation) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            String value;
            if ("path".equals(parameter.in())) {
                value = switch (mutation) {
                    case "bad-path-param" -> draw.oneOf(List.of("not-an-id", "x".repeat(300), "%E2%82", "-1"));
                    case "bad-percent-encoding" -> "%zz" + draw.text(0, 4).replace(' ', '-');
                    case "encoded-nul" -> "a%00b";
                    default -> encode(pathValue(parameter));
                };
                path = path.replace("{" + parameter.name() + "}", value);
            } else if ("query".equals(parameter.in()) && (parameter.required() || draw.chance(0.5))) {
                value = encode(values.valid(parameter.schema()).asText());
                query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(value);
            }
        }
        switch (mutation) {
            case "bad-percent-encoding" -> query.append(query.isEmpty() ? "?" : "&").append("q=%G1");
            case "encoded-nul" -> query.append(query.isEmpty() ? "?" : "&").append("q=%00");
            case "uri-too-long" -> query.append(query.isEmpty() ? "?" : "&").append("q=").append("z".repeat(5000));
            default -> {
            }
        }
        return path + query;
    }

    private String pathValue(ApiOperation.Parameter parameter) {
        if (!knownIds.isEmpty() && draw.chance(0.7)) {
            return draw.oneOf(knownIds);
        }
        return values.valid(parameter.schema()).asText();
    }

    /** The body; {@code mutation[0]} becomes {@link #VALID} when the schema gives the mutation nothing to spoil. */
    private byte[] body(ApiOperation operation, String[] mutation, Map<String, String> headers) {
        if (operation.bodySchema() == null) {
            return null;
        }
        if ("no-body".equals(mutation[0])) {
            if (!operation.bodyRequired()) {
                mutation[0] = VALID;
            }
            return new byte[0];
        }
        headers.put("Content-Type", "text-plain".equals(mutation[0]) ? "text/plain" : "application/json");
        JsonNode valid = values.valid(operation.bodySchema());
        String text = switch (mutation[0]) {
            case "missing-required", "wrong-type", "out-of-bounds", "nul-character" -> spoil(operation, valid, mutation[0]);
            case "duplicate-member" -> duplicateMember(valid);
            case "trailing-content" -> json(valid) + draw.oneOf(List.of("xyz", "{}", " 1", "]"));
            case "not-an-object" -> draw.oneOf(List.of("[]", "42", "\"text\"", "null", "true"));
            case "malformed-json" -> truncated(json(valid));
            case "deep-nesting" -> "[".repeat(1500) + "]".repeat(1500);
            case "text-plain" -> draw.chance(0.5) ? json(valid) : draw.text(1, 20);
            default -> json(valid);
        };
        if (text == null) {
            mutation[0] = VALID;
            text = json(valid);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body spoilt in one field, or null if no field can be spoilt that way. */
    private String spoil(ApiOperation operation, JsonNode valid, String mutation) {
        JsonNode schema = values.resolve(operation.bodySchema());
        if (!(valid instanceof ObjectNode object) || !schema.has("properties")) {
            return "wrong-type".equals(mutation) ? json(values.wrongType(schema)) : null;
        }
        List<String> fields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        List<String> required = SchemaValues.required(schema);
        if ("missing-required".equals(mutation)) {
            if (required.isEmpty()) {
                return null;
            }
            object.remove(draw.oneOf(required));
            return json(object);
        }
        List<String> candidates = new ArrayList<>();
        for (String field : fields) {
            JsonNode fieldSchema = values.resolve(schema.get("properties").get(field));
            boolean isText = "string".equals(SchemaValues.type(fieldSchema));
            if ("nul-character".equals(mutation) ? isText
                    : !"out-of-bounds".equals(mutation) || values.outOfBounds(fieldSchema) != null) {
                candidates.add(field);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        String field = draw.oneOf(candidates);
        JsonNode fieldSchema = schema.get("properties").get(field);
        switch (mutation) {
            case "wrong-type" -> object.set(field, values.wrongType(fieldSchema));
            case "out-of-bounds" -> object.set(field, values.outOfBounds(fieldSchema));
            default -> object.set(field, TextNode.valueOf(draw.oneOf(List.of("a\u0000b", "\u0000", "tab\u0001"))));
        }
        return json(object);
    }

    private String duplicateMember(JsonNode valid) {
        if (!(valid instanceof ObjectNode object) || object.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        String field = object.fieldNames().next();
        String text = json(object);
        return text.substring(0, text.length() - 1) + ",\"" + field + "\":" + json(object.get(field)) + "}";
    }

    private String truncated(String text) {
        return text.length() <= 1 ? "{" : text.substring(0, draw.between(1, text.length() - 1));
    }

    /** Whether the request is invalid whatever the state it meets, so that a 2xx answer is a leniency bug. */
    static boolean mustBeRefused(GuardRequest request) {
        return switch (request.mutation()) {
            case VALID, "bad-path-param" -> false;
            case "bad-token" -> request.operation().secured();
            default -> true;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
