package dev.realtime.platform.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure of a REST call into a problem+json response; nothing leaks a stack trace.
 * Authentication failures reach these mappers only with {@code quarkus.http.auth.proactive=false}, which
 * every REST service sets.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400,
                "the request has " + errors.size() + " invalid field(s)", errors));
    }

    /** More specific than, so chosen over, quarkus-rest-jackson's built-in mapper, which answers a bare 400. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? JsonPaths.of(mapping.getPath()) : "";
        String detail = "the body is not valid JSON for this request: " + e.getOriginalMessage();
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, e.getOriginalMessage()));
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-body", "Malformed request body", 400,
                field.isEmpty() ? detail : detail + " (at " + field + ")", errors));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "the caller's roles do not allow this call"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "HTTP " + status;
        return respond(Problem.of(status, "http-" + status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure of a REST call", e);
        return respond(Problem.of(500, "internal", "Internal error",
                "the service failed to handle this request; it has been logged"));
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        String field = lastDot >= 0 ? path.substring(lastDot + 1) : path;
        return new Problem.FieldError(field, violation.getMessage());
    }

    private static Response unauthorized() {
        return Response.fromResponse(respond(Problem.of(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required: it is missing, expired or not signed by auth-service")))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
