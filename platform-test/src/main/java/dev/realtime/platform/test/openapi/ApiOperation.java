package dev.realtime.platform.test.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of a service's OpenAPI document, as far as the guard needs it. */
record ApiOperation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
        boolean bodyRequired, Map<String, JsonNode> responses, boolean secured) {

    /** A path or query parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    boolean changesState() {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }

    boolean documents(int status) {
        return responses.containsKey(Integer.toString(status)) || responses.containsKey("default")
                || responses.containsKey(status / 100 + "XX");
    }

    /** The JSON schema of a documented response, or null when it has no JSON body. */
    JsonNode responseSchema(int status) {
        JsonNode response = responses.get(Integer.toString(status));
        if (response == null) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> media = response.path("content").fields(); media.hasNext();) {
            Map.Entry<String, JsonNode> entry = media.next();
            if (entry.getKey().toLowerCase(Locale.ROOT).contains("json") && entry.getValue().has("schema")) {
                return entry.getValue().get("schema");
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Every operation of the document, in document order. */
    static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (List.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(method)) {
                operations.add(of(method, path.getKey(), path.getValue(), op.getValue(), document));
            }
        }));
        return operations;
    }

    private static ApiOperation of(String method, String path, JsonNode pathItem, JsonNode operation,
            JsonNode document) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), parameter.path("schema")));
            }
        }
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        operation.path("responses").fields().forEachRemaining(r -> responses.put(r.getKey(), r.getValue()));
        boolean secured = operation.has("security") ? !operation.get("security").isEmpty()
                : !document.path("security").isEmpty();
        return new ApiOperation(method, path, parameters, body.isMissingNode() ? null : body,
                operation.path("requestBody").path("required").asBoolean(false), responses, secured);
    }
}
