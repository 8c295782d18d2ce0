package dev.realtime.booking.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.realtime.booking.service.StateConflictException;
import dev.realtime.platform.problem.Problem;

/** An action the current state does not allow: 409, with that state beside the usual problem members. */
public class StateConflictMapper {

    static final String TYPE = Problem.TYPE_PREFIX + "illegal-transition";

    /** The problem body with the extra member {@code state}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateConflictProblem(String type, String title, int status, String detail,
            Map<String, Object> state) {
    }

    @ServerExceptionMapper
    public Response conflict(StateConflictException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new StateConflictProblem(TYPE, "Conflict", 409, e.getMessage(), e.state())).build();
    }
}
