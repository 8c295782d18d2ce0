package dev.realtime.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./smoke-test.sh}: checks a running stack from the outside, the way a web app uses it. Logs in as the
 * bootstrap admin over REST, opens the gateway WebSocket with the token, creates a booking and waits for its
 * {@code booking.created} event on the socket. Prints each step; exits 0 if all passed, 1 otherwise, 2 on a bad
 * command line.
 */
@Command(name = "smoke-test.sh", sortOptions = false, separator = " ", descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        description = "Checks a running stack (./run-stack.sh) end to end: login, WebSocket, booking, its event.",
        footerHeading = "%nExample:%n",
        footer = "  ./smoke-test.sh --gateway ws://localhost:8085/ws   the second gateway")
public final class SmokeClient implements Callable<Integer> {

    /** The local stack's bootstrap admin, whom the smoke test logs in as unless told otherwise. */
    public static final String DEFAULT_USERNAME = "admin";
    public static final String DEFAULT_PASSWORD = "admin-password";

    @Option(names = "--auth", paramLabel = "<url>", defaultValue = "http://localhost:8081",
            description = "auth-service (default: ${DEFAULT-VALUE})")
    private URI auth;

    @Option(names = "--booking", paramLabel = "<url>", defaultValue = "http://localhost:8083",
            description = "booking-service (default: ${DEFAULT-VALUE})")
    private URI booking;

    @Option(names = "--gateway", paramLabel = "<url>", defaultValue = "ws://localhost:8080/ws",
            description = "gateway WebSocket (default: ${DEFAULT-VALUE})")
    private URI gateway;

    @Option(names = "--username", paramLabel = "<name>", defaultValue = DEFAULT_USERNAME,
            description = "(default: ${DEFAULT-VALUE})")
    private String username;

    @Option(names = "--password", paramLabel = "<pw>", defaultValue = DEFAULT_PASSWORD,
            description = "(default: ${DEFAULT-VALUE})")
    private String password;

    @Option(names = "--timeout", paramLabel = "<secs>", defaultValue = "15",
            description = "how long to wait for the event (default: ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
    private boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SmokeClient()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            run();
            System.out.println("SMOKE TEST PASSED");
            return 0;
        } catch (RuntimeException | AssertionError e) {
            System.out.println("  FAILED: " + e.getMessage());
            System.out.println("SMOKE TEST FAILED");
            return 1;
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

            step(3, "create a tour and book it at " + booking);
            LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).plusDays(7);
            // the default user is the stack's admin, who may create tours
            String tourId = api.createTour(booking, token, "smoke-tour-" + System.nanoTime(), 10, startsOn)
                    .expect(201).json().path("id").asText();
            ApiClient.Response created = api.createBooking(booking, token, tourId, 2).expect(201);
            String bookingId = created.json().path("id").asText();
            if (bookingId.isEmpty()) {
                throw new IllegalStateException("the created booking has no id: " + created.body());
            }
            done("201, booking " + bookingId + ", status " + created.json().path("status").asText());

            Duration timeout = Duration.ofSeconds(timeoutSeconds);
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
}
