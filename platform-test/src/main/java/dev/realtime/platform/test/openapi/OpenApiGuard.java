package dev.realtime.platform.test.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.http.TestHTTPResource;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The REST guard: a property test generated from the service's own {@code /q/openapi}. A service's test class
 * extends it and carries its {@code @QuarkusTest} resources; a new endpoint is covered with no change here.
 * <p>
 * For every operation it draws valid and spoilt requests (bodies with a field missing, of the wrong type, out
 * of bounds, with a NUL, a member twice, trailing content, not JSON at all; bad {@code Accept}, bad
 * percent-encoding, over-long URLs, bad tokens), as anonymous, as users and as an admin, and holds the server
 * to what the document says:
 * <ul>
 * <li>no 5xx;</li>
 * <li>every error is {@code application/problem+json} whose {@code status} is the HTTP status;</li>
 * <li>every status returned is documented for the operation;</li>
 * <li>every 2xx body validates against the documented schema;</li>
 * <li>a request that is invalid whatever the state is refused, and a refused request leaves no row behind.</li>
 * </ul>
 * The run is fixed by its seed ({@code -Drt.openapi.seed}, printed on failure) and its length by
 * {@code -Drt.openapi.requests} (default {@value #DEFAULT_REQUESTS}).
 */
public abstract class OpenApiGuard {

    static final int DEFAULT_REQUESTS = 300;
    static final long DEFAULT_SEED = 20261202L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern UUID_VALUE = Pattern.compile(
            "\"id\"\\s*:\\s*\"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"");

    @TestHTTPResource("/")
    URL root;

    /**
     * The callers besides anonymous, by name, with their bearer tokens: by default two users and an admin
     * (role {@code admin}) of the test key set. A service that issues its own tokens gives real ones.
     */
    protected Map<String, String> callerTokens(URL root) {
        return RequestFactory.testTokens("admin");
    }

    @Test
    void everyOperationKeepsItsDocumentedContract() throws Exception {
        long seed = Long.getLong("rt.openapi.seed", DEFAULT_SEED);
        int requests = Integer.getInteger("rt.openapi.requests", DEFAULT_REQUESTS);
        JsonNode document = fetchDocument();
        List<ApiOperation> operations = ApiOperation.all(document);
        assertFalse(operations.isEmpty(), "the OpenAPI document lists no operation");

        Draw draw = new Draw(seed);
        SchemaValues values = new SchemaValues(document, draw);
        List<String> knownIds = new ArrayList<>();
        RowCounts rows = RowCounts.ofServiceDatabase();
        List<String> violations = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();

        JqwikSession.start();
        try {
            RequestFactory factory = new RequestFactory(draw, values, knownIds, callerTokens(root));
            for (int i = 0; i < requests && violations.size() < 20; i++) {
                ApiOperation operation = draw.oneOf(operations);
                GuardRequest request = factory.draw(operation);
                Map<String, Long> before = operation.changesState() ? rows.snapshot() : Map.of();
                RawHttp.Response response = RawHttp.send(root.getHost(), root.getPort(), operation.method(),
                        request.target(), request.headers(), request.body());
                statuses.merge(operation + " " + response.status(), 1, Integer::sum);
                List<String> found = check(request, response, values);
                if (response.status() >= 400 && operation.changesState() && !before.equals(rows.snapshot())) {
                    found.add("refused with " + response.status() + " but left rows behind: " + before + " -> "
                            + rows.snapshot());
                }
                if (response.status() / 100 == 2) {
                    learnIds(response, knownIds);
                }
                for (String violation : found) {
                    violations.add("#" + i + " " + request.describe() + "\n      -> " + response.status() + " "
                            + RawHttp.abbreviate(response.text()) + "\n      " + violation);
                }
            }
        } finally {
            JqwikSession.finish();
        }
        System.out.printf("OpenAPI guard: %d requests, seed %d; answers: %s%n", requests, seed, statuses);
        if (!violations.isEmpty()) {
            fail("The service breaks its OpenAPI contract (seed " + seed + ", rerun with -Drt.openapi.seed=" + seed
                    + "):\n  " + String.join("\n  ", violations));
        }
    }

    /**
     * Browsers on an allowed origin may call every operation (the preflight grants the method and the headers the
     * APIs use, with credentials); an origin that is not allowed gets no grant at all.
     */
    @Test
    void everyOperationAnswersPreflightsForAllowedOriginsOnly() throws Exception {
        List<String> allowed = ConfigProvider.getConfig()
                .getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of());
        assertFalse(allowed.isEmpty(), "tests run with the development origins allowed");
        String origin = allowed.get(0);
        List<String> violations = new ArrayList<>();
        for (ApiOperation operation : ApiOperation.all(fetchDocument())) {
            String target = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Map<String, String> preflight = Map.of("Origin", origin,
                    "Access-Control-Request-Method", operation.method(),
                    "Access-Control-Request-Headers", "authorization,content-type");
            RawHttp.Response granted = RawHttp.send(root.getHost(), root.getPort(), "OPTIONS", target, preflight, null);
            if (!origin.equals(granted.header("access-control-allow-origin"))
                    || !"true".equals(granted.header("access-control-allow-credentials"))
                    || !String.valueOf(granted.header("access-control-allow-methods")).contains(operation.method())
                    || !String.valueOf(granted.header("access-control-allow-headers")).toLowerCase()
                            .contains("authorization")) {
                violations.add(operation + " from " + origin + ": no full grant " + granted.headers());
            }
            Map<String, String> foreign = Map.of("Origin", "https://evil.example",
                    "Access-Control-Request-Method", operation.method());
            RawHttp.Response refused = RawHttp.send(root.getHost(), root.getPort(), "OPTIONS", target, foreign, null);
            if (refused.header("access-control-allow-origin") != null) {
                violations.add(operation + " from https://evil.example: granted " + refused.headers());
            }
        }
        if (!violations.isEmpty()) {
            fail("CORS:\n  " + String.join("\n  ", violations));
        }
    }

    private JsonNode fetchDocument() throws Exception {
        RawHttp.Response response = RawHttp.send(root.getHost(), root.getPort(), "GET", "/q/openapi?format=json",
                Map.of("Accept", "application/json"), null);
        if (response.status() != 200) {
            fail("GET /q/openapi answered " + response.status());
        }
        return MAPPER.readTree(response.body());
    }

    static List<String> check(GuardRequest request, RawHttp.Response response, SchemaValues values) {
        List<String> violations = new ArrayList<>();
        int status = response.status();
        ApiOperation operation = request.operation();
        if (status >= 500) {
            violations.add("a server error (5xx)");
        }
        if (!operation.documents(status)) {
            violations.add("status " + status + " is not documented; documented: " + operation.responses().keySet());
        }
        if (status >= 400) {
            violations.addAll(problemViolations(response));
        }
        if (status / 100 == 2) {
            if (RequestFactory.mustBeRefused(request)) {
                violations.add("an invalid request (" + request.mutation() + ") was accepted");
            }
            JsonNode schema = operation.responseSchema(status);
            if (schema != null) {
                violations.addAll(schemaViolations(values.inline(schema), response));
            }
        }
        return violations;
    }

    private static List<String> problemViolations(RawHttp.Response response) {
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return List.of("an error whose content type is " + type + ", not application/problem+json; headers "
                    + response.headers());
        }
        try {
            JsonNode problem = MAPPER.readTree(response.body());
            List<String> violations = new ArrayList<>();
            if (problem.path("status").asInt() != response.status()) {
                violations.add("problem status " + problem.path("status") + " differs from HTTP " + response.status());
            }
            if (!problem.path("type").isTextual() || !problem.path("title").isTextual()) {
                violations.add("a problem without type or title");
            }
            return violations;
        } catch (Exception e) {
            return List.of("a problem+json body that is not JSON: " + e.getMessage());
        }
    }

    private static List<String> schemaViolations(JsonNode schema, RawHttp.Response response) {
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (Exception e) {
            return List.of("a 2xx body that is not JSON: " + e.getMessage());
        }
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        Set<ValidationMessage> errors = validator.validate(body);
        return errors.stream().map(e -> "the 2xx body breaks its schema: " + e.getMessage()).toList();
    }

    private static void learnIds(RawHttp.Response response, List<String> knownIds) {
        Matcher id = UUID_VALUE.matcher(new String(response.body(), StandardCharsets.UTF_8));
        while (id.find() && knownIds.size() < 200) {
            String value = UUID.fromString(id.group(1)).toString();
            if (!knownIds.contains(value)) {
                knownIds.add(value);
            }
        }
    }
}
