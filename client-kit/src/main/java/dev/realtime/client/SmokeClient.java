package dev.realtime.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./smoke-test.sh}: checks a running stack from the outside, the way a web app uses it. Logs in as the
 * bootstrap admin over REST, opens the gateway WebSocket with the token, creates a booking and waits for its
 * {@code booking.created} event on the socket. Prints each step; exits 0 if all passed, 1 otherwise.
 */
public final class SmokeClient {

    /** The local stack's bootstrap admin, whom the smoke test logs in as unless told otherwise. */
    public static final String DEFAULT_USERNAME = "admin";
    public static final String DEFAULT_PASSWORD = "admin-password";

    private static final String USAGE = """
            Usage: ./smoke-test.sh [options]

              --auth <url>       auth-service (default http://localhost:8081)
              --booking <url>    booking-service (default http://localhost:8083)
              --gateway <url>    the gateway WebSocket (default ws://localhost:8080/ws)
              --username <name>  (default admin)
              --password <pw>    (default admin-password)
              --timeout <secs>   how long to wait for the event (default 15)
            """;

    private URI auth = URI.create("http://localhost:8081");
    private URI booking = URI.create("http://localhost:8083");
    private URI gateway = URI.create("ws://localhost:8080/ws");
    private String username = DEFAULT_USERNAME;
    private String password = DEFAULT_PASSWORD;
    private Duration timeout = Duration.ofSeconds(15);

    public static void main(String[] args) {
        SmokeClient smoke = new SmokeClient();
        try {
            smoke.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
        try {
            smoke.run();
            System.out.println("SMOKE TEST PASSED");
            System.exit(0);
        } catch (RuntimeException | AssertionError e) {
            System.out.println("  FAILED: " + e.getMessage());
            System.out.println("SMOKE TEST FAILED");
            System.exit(1);
        }
    }

    private void run() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ApiClient api = new ApiClient(http);

        step(1, "log in as " + username + " at " + auth);
        JsonNode login = api.login(auth, username, password).expect(200).json();
        String token = login.path("accessToken").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("the login answer has no accessToken: " + login);
        }
        done("token received, expires in " + login.path("expiresIn").asText() + " s");

        step(2, "open the WebSocket " + gateway + " with the token");
        try (GatewaySocket socket = GatewaySocket.connectWithHeader(http, gateway, username, token,
                Duration.ofSeconds(10))) {
            JsonNode welcome = socket.awaitWelcome(Duration.ofSeconds(10));
            done("welcome, subject " + welcome.path("subject").asText() + ", channels " + welcome.path("channels"));

            step(3, "create a booking at " + booking + "/bookings");
            LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).plusDays(7);
            ApiClient.Response created = api.createBooking(booking, token, "smoke-tour", startsOn, 2).expect(201);
            String bookingId = created.json().path("id").asText();
            if (bookingId.isEmpty()) {
                throw new IllegalStateException("the created booking has no id: " + created.body());
            }
            done("201, booking " + bookingId + ", status " + created.json().path("status").asText());

            step(4, "wait up to " + timeout.toSeconds() + " s for its booking.created event on the socket");
            long waitStarted = System.nanoTime();
            JsonNode frame = socket.awaitBookingCreated(bookingId, timeout);
            done("received after " + (System.nanoTime() - waitStarted) / 1_000_000 + " ms (topic "
                    + frame.path("topic").asText() + ", partition " + frame.path("partition").asText() + ", offset "
                    + frame.path("offset").asText() + ")");
        }
    }

    private static void step(int number, String what) {
        System.out.println("[" + number + "/4] " + what);
    }

    private static void done(String result) {
        System.out.println("  ok: " + result);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--auth" -> auth = URI.create(value);
                case "--booking" -> booking = URI.create(value);
                case "--gateway" -> gateway = URI.create(value);
                case "--username" -> username = value;
                case "--password" -> password = value;
                case "--timeout" -> {
                    try {
                        timeout = Duration.ofSeconds(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--timeout takes a number of seconds, not " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
    }
}
