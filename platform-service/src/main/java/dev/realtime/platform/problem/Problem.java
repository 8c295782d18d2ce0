package dev.realtime.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response of every service, as {@code application/problem+json} (RFC 9457).
 *
 * @param type   a stable URI naming the kind of problem; clients switch on it
 * @param title  short, the same for every occurrence of this type
 * @param status the HTTP status code
 * @param detail what went wrong this time, safe to show to the caller
 * @param errors one entry per invalid field, when the request failed validation
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://realtime.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, List.of());
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }
}
