package dev.realtime.platform.test.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The guard's oracle: each way a service can break its contract is reported, and a kept contract is not. */
class ContractCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Room": {"type": "object", "required": ["id", "name"],
                       "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}}}}},
             "paths": {"/rooms": {"post": {
               "security": [{"jwt": []}],
               "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Room"}}}},
               "responses": {
                 "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Room"}}}},
                 "400": {"content": {"application/problem+json": {"schema": {}}}}}}}}}
            """;

    private final JsonNode document = read(DOCUMENT);
    private final ApiOperation operation = ApiOperation.all(document).get(0);
    private final SchemaValues values = new SchemaValues(document, new Draw(1));

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> check(String mutation, int status, String contentType, String body) {
        GuardRequest request = new GuardRequest(operation, "user", mutation, "/rooms", Map.of(), null);
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("content-type", contentType);
        return OpenApiGuard.check(request, new RawHttp.Response(status, headers, body.getBytes(StandardCharsets.UTF_8)),
                values);
    }

    @Test
    void aKeptContractHasNoViolation() {
        assertEquals(List.of(), check("none", 201, "application/json",
                "{\"id\":\"6f049db2-0bc5-4ded-9309-971d96c6ed00\",\"name\":\"lobby\"}"));
        assertEquals(List.of(), check("wrong-type", 400, "application/problem+json",
                "{\"type\":\"https://realtime.dev/problems/validation\",\"title\":\"Invalid\",\"status\":400}"));
    }

    @Test
    void aServerErrorIsAViolation() {
        List<String> violations = check("none", 500, "application/problem+json",
                "{\"type\":\"t\",\"title\":\"Internal\",\"status\":500}");
        assertTrue(violations.stream().anyMatch(v -> v.contains("5xx")), violations.toString());
    }

    @Test
    void anErrorThatIsNotAProblemIsAViolation() {
        List<String> violations = check("wrong-type", 400, null, "");
        assertTrue(violations.stream().anyMatch(v -> v.contains("not application/problem+json")), violations.toString());
        List<String> wrongStatus = check("wrong-type", 400, "application/problem+json",
                "{\"type\":\"t\",\"title\":\"Bad\",\"status\":422}");
        assertTrue(wrongStatus.stream().anyMatch(v -> v.contains("differs from HTTP 400")), wrongStatus.toString());
    }

    @Test
    void anUndocumentedStatusIsAViolation() {
        List<String> violations = check("none", 200, "application/json", "{}");
        assertTrue(violations.stream().anyMatch(v -> v.contains("status 200 is not documented")), violations.toString());
    }

    @Test
    void aBodyThatBreaksItsSchemaIsAViolation() {
        List<String> violations = check("none", 201, "application/json", "{\"id\":\"not-a-uuid\"}");
        assertTrue(violations.stream().anyMatch(v -> v.contains("breaks its schema")), violations.toString());
        assertTrue(violations.size() >= 2, "both the missing name and the bad id are reported: " + violations);
    }

    @Test
    void anAcceptedInvalidRequestIsAViolation() {
        List<String> violations = check("duplicate-member", 201, "application/json",
                "{\"id\":\"6f049db2-0bc5-4ded-9309-971d96c6ed00\",\"name\":\"lobby\"}");
        assertTrue(violations.stream().anyMatch(v -> v.contains("was accepted")), violations.toString());
    }

    @Test
    void patternsAreSampledWithinTheirDialect() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50; i++) {
            String sample = PatternSample.sample("^[A-Za-z0-9._-]{3,32}$", random);
            assertTrue(sample.matches("[A-Za-z0-9._-]{3,32}"), sample);
        }
        assertEquals(null, PatternSample.sample("(a|b)", random));
    }
}
