package dev.realtime.platform.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.realtime.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes every service's OpenAPI document state the errors the platform really answers, so that a client
 * generated from it handles them: each operation lists 400, 406, 414 and 500 (the request guard and the error
 * mappers can answer those on any call), 401 and 403 where it is secured, 404 where its path has parameters, 415
 * where it takes a body; and every 4xx and 5xx response is {@code application/problem+json} with the
 * {@code Problem} schema. Statuses a resource documents itself keep their description.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";
    private static final Map<String, String> REASONS = Map.of(
            "400", "Bad request: malformed, invalid or strictly-typed input refused",
            "401", "No valid bearer token",
            "403", "The caller may not do this",
            "404", "Not found",
            "406", "Not acceptable: the Accept header allows no JSON",
            "409", "Conflict",
            "414", "Request target too long",
            "415", "Unsupported media type: the body must be application/json",
            "500", "Internal error; nothing was changed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() != null ? operation.getResponses()
                : OASFactory.createAPIResponses();
        operation.setResponses(responses);
        Map<String, Boolean> errors = new TreeMap<>();
        for (String always : List.of("400", "406", "414", "500")) {
            errors.put(always, true);
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        errors.put("401", secured);
        errors.put("403", secured);
        errors.put("404", path.contains("{"));
        errors.put("415", operation.getRequestBody() != null);
        errors.forEach((status, applies) -> {
            if (applies && !responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(REASONS.get(status)));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(status, response);
            }
        });
    }

    private static void asProblem(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(REASONS.getOrDefault(status, "Error"));
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(ref(PROBLEM_SCHEMA)));
        response.setContent(content);
    }

    private static void addSchemas(Components components) {
        components.addSchema(FIELD_ERROR_SCHEMA, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .addProperty("field", string("the field at fault, as a JSON path such as guests or items[2].name"))
                .addProperty("message", string("what is wrong with it"))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM_SCHEMA, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An error, as application/problem+json (RFC 9457)")
                .addProperty("type", string("a stable URI naming the kind of problem; clients switch on it")
                        .format("uri"))
                .addProperty("title", string("short, the same for every occurrence of this type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("the HTTP status code"))
                .addProperty("detail", string("what went wrong this time, safe to show to the caller"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(ref(FIELD_ERROR_SCHEMA)).description("one entry per invalid field"))
                .required(List.of("type", "title", "status")));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema ref(String schema) {
        return OASFactory.createSchema().ref("#/components/schemas/" + schema);
    }
}
