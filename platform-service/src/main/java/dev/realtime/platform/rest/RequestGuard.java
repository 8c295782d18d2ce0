package dev.realtime.platform.rest;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.platform.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, with a problem+json body, the requests the HTTP layer would otherwise answer with a bare status or
 * let through to fail after the resource ran: a request target over the length limit (414), a malformed or
 * NUL percent-encoding in the path or query (400), and an {@code Accept} header that cannot be parsed (406,
 * decided before any transaction starts, so a create is never committed and then answered with an error).
 * <p>
 * It runs after the CORS filter, so a browser on an allowed origin can read these refusals too, and before
 * authentication, so that they cost nothing.
 */
@ApplicationScoped
public class RequestGuard {

    /** After CORS (300), before authentication (200). */
    static final int PRIORITY = 250;
    /**
     * Quarkus' HTTP root handler refuses a target that {@link URI} cannot parse with a bare 400, before any filter
     * runs, unless this system property is set when the JVM starts (it is read before any application code
     * runs, so it has to be a JVM flag: the launchers, the test set-up and the images set it). The check is not
     * lost: {@link #check} makes the same one and answers with a problem.
     */
    static final String QUARKUS_URI_VALIDATION_OFF = "vertx.disableURIValidation";
    private static final Logger LOG = Logger.getLogger(RequestGuard.class);

    private final HttpSettings settings;
    private final ObjectMapper mapper;

    @Inject
    public RequestGuard(HttpSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }


    /**
     * Failures raised before a resource runs (a request target the router cannot decode, a path no route serves)
     * would be answered with a bare status by Quarkus' own failure handler: this one, ordered first, answers them
     * with a problem instead. Failures of resources never get here: the REST layer maps them itself.
     */
    void register(@Observes Router router) {
        if (!Boolean.getBoolean(QUARKUS_URI_VALIDATION_OFF)) {
            LOG.warnf("-D%s=true is not set: a request target that is not a valid URI gets Quarkus' bare 400"
                    + " instead of a problem", QUARKUS_URI_VALIDATION_OFF);
        }
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.errorHandler(404, context -> unrouted(context, Problem.of(404, "not-found", "Not found",
                "no resource is served at " + context.request().path())));
        router.errorHandler(405, context -> unrouted(context, Problem.of(405, "method-not-allowed",
                "Method not allowed", context.request().method() + " is not served at " + context.request().path())));
    }

    void failed(RoutingContext context) {
        int status = context.statusCode() > 0 ? context.statusCode()
                : context.failure() instanceof IllegalArgumentException ? 400 : 500;
        if (status == 400) {
            unrouted(context, Problem.of(400, "malformed-uri", "Malformed request target",
                    "the request target cannot be decoded: " + failure(context)));
        } else if (status >= 500) {
            unrouted(context, Problem.of(500, "internal", "Internal error",
                    "the service failed to handle this request; it has been logged"));
        } else {
            context.next();
        }
    }

    private void unrouted(RoutingContext context, Problem problem) {
        if (!context.response().ended() && !context.response().headWritten()) {
            refuse(context, problem);
        }
    }

    private static String failure(RoutingContext context) {
        Throwable cause = context.failure();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : "invalid percent-encoding";
    }

    void check(RoutingContext context) {
        String target = context.request().uri();
        if (target.length() > settings.maxUrlLength()) {
            refuse(context, Problem.of(414, "uri-too-long", "URI too long",
                    "the request target has " + target.length() + " characters; at most " + settings.maxUrlLength()
                            + " are accepted"));
            return;
        }
        String encodingError = PercentEncoding.check(target);
        if (encodingError == null && !parsesAsUri(target)) {
            encodingError = "the request target is not a valid URI reference";
        }
        if (encodingError != null) {
            refuse(context, Problem.of(400, "malformed-uri", "Malformed request target", encodingError));
            return;
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !MediaRanges.isValid(accept)) {
            refuse(context, Problem.of(406, "not-acceptable", "Not acceptable",
                    "the Accept header is not a list of media ranges: '" + accept + "'"));
            return;
        }
        context.next();
    }

    private static boolean parsesAsUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem cannot be serialised", e);
        }
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
