package dev.realtime.auth.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.realtime.platform.problem.Problem;

/**
 * 429 {@code too-many-login-attempts} with {@code Retry-After}. The same body for every throttled login, whether the
 * username exists or not, and whichever of username or address is locked.
 */
public class ThrottledMapper {

    @ServerExceptionMapper
    public Response throttled(ThrottledException e) {
        Problem problem = Problem.of(429, "too-many-login-attempts", "Too many login attempts",
                "too many failed logins: try again in " + e.retryAfterSeconds() + " s");
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
