package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.ApiClient;
import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Service;

/** What the tests do again and again against the running stack: users, tokens, sockets, bookings. */
final class Suite {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    final LocalStack stack;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ApiClient api = new ApiClient(http);

    Suite(LocalStack stack) {
        this.stack = stack;
    }

    /** A user with its id and a fresh access token. */
    record User(String username, String id, String token) {
    }

    /**
     * Registers a new user (a unique name starting with {@code prefix}: the database lives as long as the test
     * JVM) and logs it in. The suffix is this class's own: this module is a client of the packaged services and
     * depends on none of the Quarkus-side test kit.
     */
    User register(String prefix) {
        String username = prefix + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String password = "pw-" + username;
        JsonNode registered = api.register(stack.baseUri(Service.AUTH), username, password, prefix).expect(201).json();
        assertEquals(username, registered.path("username").asText(), "registered user " + registered);
        String id = registered.path("id").asText();
        assertFalse(id.isEmpty(), "registered user has an id: " + registered);
        return new User(username, id, api.accessToken(stack.baseUri(Service.AUTH), username, password));
    }

    /** The bootstrap admin auth-service creates in the stack, logged in. */
    User admin() {
        String token = api.accessToken(stack.baseUri(Service.AUTH), LocalStack.ADMIN_USERNAME,
                LocalStack.ADMIN_PASSWORD);
        JsonNode me = api.get(stack.baseUri(Service.AUTH).resolve("/auth/me"), token).expect(200).json();
        return new User(LocalStack.ADMIN_USERNAME, me.path("id").asText(), token);
    }

    /**
     * Connects to a gateway replica (numbered from 1) with the token in an {@code Authorization} header; the welcome
     * frame is the caller's to read.
     */
    GatewaySocket connect(User user, int replica) {
        return GatewaySocket.connectWithHeader(http, stack.gatewayWebSocketUri(replica),
                user.username() + "@gateway-" + replica, user.token(), CONNECT_TIMEOUT);
    }

    /** Connects to a gateway replica as a browser does, with the token in {@code Sec-WebSocket-Protocol}. */
    GatewaySocket connectAsBrowser(User user, int replica) {
        return GatewaySocket.connectWithSubprotocol(http, stack.gatewayWebSocketUri(replica),
                user.username() + "@gateway-" + replica, user.token(), CONNECT_TIMEOUT);
    }

    /** Reads the welcome frame and checks it names the user and subscribes it to its own channel. */
    JsonNode welcome(GatewaySocket socket, User user) {
        JsonNode welcome = socket.awaitWelcome(CONNECT_TIMEOUT);
        assertEquals(user.id(), welcome.path("subject").asText(), "welcome subject: " + welcome);
        assertTrue(contains(welcome.path("channels"), "user:" + user.id()), "welcome channels: " + welcome);
        return welcome;
    }

    static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    /** An open tour a week from today, created by the stack's admin; its id. */
    String createTour(String name) {
        return api.createTour(stack.baseUri(Service.BOOKING), admin().token(), name + "-" + System.nanoTime(), 50,
                LocalDate.now(ZoneOffset.UTC).plusDays(7)).expect(201).json().path("id").asText();
    }

    /** {@code POST /bookings} of two seats as this user, on a new tour of this name; the answer as it came. */
    ApiClient.Response createBooking(User owner, String tourName) {
        return api.createBooking(stack.baseUri(Service.BOOKING), owner.token(), createTour(tourName), 2);
    }
}
