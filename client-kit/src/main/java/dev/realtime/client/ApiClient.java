package dev.realtime.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small REST client of the suite's public API (java.net.http and Jackson), for the smoke client and the
 * end-to-end tests. It returns every answer as it came, status included: deciding what is expected is the caller's
 * business ({@link Response#expect(int)}).
 */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    public ApiClient(HttpClient http) {
        this.http = http;
    }

    public ApiClient() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** {@code POST /auth/register} on auth-service. */
    public Response register(URI auth, String username, String password, String displayName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        return post(auth.resolve("/auth/register"), body, null);
    }

    /** {@code POST /auth/login} on auth-service. */
    public Response login(URI auth, String username, String password) {
        return post(auth.resolve("/auth/login"), Map.of("username", username, "password", password), null);
    }

    /** Logs in and returns the access token, failing unless the answer is 200 with a token. */
    public String accessToken(URI auth, String username, String password) {
        JsonNode token = login(auth, username, password).expect(200).json().path("accessToken");
        if (!token.isTextual() || token.asText().isEmpty()) {
            throw new IllegalStateException("login of " + username + " answered without an accessToken");
        }
        return token.asText();
    }

    /** {@code POST /tours} on booking-service (admins only): an open tour of a day, starting on {@code startsOn}. */
    public Response createTour(URI booking, String adminToken, String name, int capacity, LocalDate startsOn) {
        return post(booking.resolve("/tours"), Map.of("name", name, "description", "created by a client",
                "price", 50.00, "currency", "EUR", "capacity", capacity, "startsOn", startsOn.toString(),
                "endsOn", startsOn.plusDays(1).toString()), adminToken);
    }

    /** {@code POST /bookings} on booking-service, as the owner of {@code token}, on an existing tour. */
    public Response createBooking(URI booking, String token, String tourId, int guests) {
        return post(booking.resolve("/bookings"), Map.of("tourId", tourId, "guests", guests), token);
    }

    public Response get(URI uri, String token) {
        return send(request(uri, token).GET().build());
    }

    /** A {@code PUT} without a body, such as adding a room member. */
    public Response put(URI uri, String token) {
        return send(request(uri, token).PUT(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A {@code DELETE}, such as removing a room member. */
    public Response delete(URI uri, String token) {
        return send(request(uri, token).DELETE().build());
    }

    public Response post(URI uri, Object body, String token) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
        return send(request(uri, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.method() + " " + request.uri(), response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            // a refused connection has no message, only its type
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + reason
                    + " (is the stack running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    /** An HTTP answer: status, headers and the body, as text and as JSON. */
    public record Response(String call, int status, HttpHeaders headers, String body) {

        /** The body parsed as JSON; a missing node if it is empty or not JSON. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        /** This response if its status is {@code status}; else an exception that shows the whole answer. */
        public Response expect(int status) {
            if (this.status != status) {
                throw new IllegalStateException(call + " answered " + this.status + " instead of " + status + ": "
                        + body);
            }
            return this;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
