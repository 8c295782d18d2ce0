package dev.realtime.gateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The owning services' access checks as the gateway sees them over HTTP ({@code GET /rooms/{id}/access},
 * {@code GET /bookings/{id}/access}: 204, 403 or 404), answering from a table the test sets. The component under
 * test is the gateway: this stands in for chat-service and booking-service, which the e2e tests run for real.
 * It reads the caller from the token's {@code sub} without verifying it; the gateway only forwards what it verified.
 */
public class AccessStub implements QuarkusTestResourceLifecycleManager {

    private static final Pattern PATH = Pattern.compile("^/(rooms|bookings)/([^/]+)/access$");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "rooms/42" to the subjects allowed; a resource not in the table does not exist. */
    private static final Map<String, Set<String>> ALLOWED = new ConcurrentHashMap<>();
    private HttpServer server;

    /** Lets these subjects subscribe to the room or booking ({@code rooms/42}, {@code bookings/7}). */
    public static void allow(String resource, String... subjects) {
        ALLOWED.computeIfAbsent(resource, r -> ConcurrentHashMap.newKeySet()).addAll(Set.of(subjects));
    }

    /** Takes the subject off the resource's list (the owning service would also publish a revocation). */
    public static void deny(String resource, String subject) {
        ALLOWED.getOrDefault(resource, Set.of()).remove(subject);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.chat-access.url", url, "quarkus.rest-client.booking-access.url", url);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        int status;
        if (!path.matches() || !"GET".equals(exchange.getRequestMethod())) {
            status = 400;
        } else {
            Set<String> allowed = ALLOWED.get(path.group(1) + "/" + path.group(2));
            String subject = subject(exchange.getRequestHeaders().getFirst("Authorization"));
            status = allowed == null ? 404 : subject != null && allowed.contains(subject) ? 204 : 403;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String subject(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path("sub").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
