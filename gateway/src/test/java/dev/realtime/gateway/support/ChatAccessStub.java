package dev.realtime.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server in place of chat-service's access check ({@code GET /rooms/{id}/access}), on a free port, for
 * gateway tests of room features: the gateway is under test, the far service is not. Its rule is in the room id:
 * {@code member-*} answers 204 (a member), {@code private-*} 403, anything else 404.
 */
public class ChatAccessStub implements QuarkusTestResourceLifecycleManager {

    /** A room every caller may subscribe to. */
    public static final String MEMBER_PREFIX = "member-";
    /** A room every caller is refused. */
    public static final String PRIVATE_PREFIX = "private-";

    private static final Pattern ACCESS = Pattern.compile("/rooms/([^/]+)/access");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the chat-access stub", e);
        }
        server.createContext("/rooms/", exchange -> {
            Matcher access = ACCESS.matcher(exchange.getRequestURI().getPath());
            int status = 404;
            if (access.matches() && "GET".equals(exchange.getRequestMethod())
                    && exchange.getRequestHeaders().getFirst("Authorization") != null) {
                String room = access.group(1);
                status = room.startsWith(MEMBER_PREFIX) ? 204 : room.startsWith(PRIVATE_PREFIX) ? 403 : 404;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return Map.of("quarkus.rest-client.chat-access.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
