package dev.realtime.stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client connection to the gateway's WebSocket (java.net.http), keeping every server frame in arrival order so
 * that a caller can wait for the one it expects, with a timeout, and see what else came.
 * <p>
 * The token goes on the upgrade either as an {@code Authorization} header or, as a browser must send it, inside
 * {@code Sec-WebSocket-Protocol}: {@code bearer-token-carrier} plus {@code quarkus-http-upgrade#Authorization#Bearer
 * <jwt>}, URI-encoded like the browser's {@code encodeURIComponent} because a subprotocol may not contain a space.
 */
public final class GatewaySocket implements AutoCloseable {

    /** The subprotocol that announces a token in the other subprotocol. */
    public static final String TOKEN_CARRIER_PROTOCOL = "bearer-token-carrier";

    private final String name;
    private final WebSocket socket;
    private final BlockingQueue<Frame> frames;
    private final List<JsonNode> seen = new ArrayList<>();

    private GatewaySocket(String name, WebSocket socket, BlockingQueue<Frame> frames) {
        this.name = name;
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects with {@code Authorization: Bearer <token>} on the upgrade request. */
    public static GatewaySocket connectWithHeader(HttpClient http, URI uri, String name, String token,
            Duration timeout) throws WebSocketUpgradeException {
        return connect(http.newWebSocketBuilder().header("Authorization", "Bearer " + token), uri, name, timeout);
    }

    /** Connects the way a browser does: the token inside {@code Sec-WebSocket-Protocol}. */
    public static GatewaySocket connectWithSubprotocol(HttpClient http, URI uri, String name, String token,
            Duration timeout) throws WebSocketUpgradeException {
        return connect(http.newWebSocketBuilder().subprotocols(TOKEN_CARRIER_PROTOCOL, headerSubprotocol(token)), uri,
                name, timeout);
    }

    /** Connects without any token (to check that the gateway refuses it). */
    public static GatewaySocket connectAnonymously(HttpClient http, URI uri, String name, Duration timeout)
            throws WebSocketUpgradeException {
        return connect(http.newWebSocketBuilder(), uri, name, timeout);
    }

    /** {@code quarkus-http-upgrade#Authorization#Bearer <token>}, encoded as {@code encodeURIComponent} does. */
    static String headerSubprotocol(String token) {
        return URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static GatewaySocket connect(WebSocket.Builder builder, URI uri, String name, Duration timeout)
            throws WebSocketUpgradeException {
        BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        try {
            WebSocket socket = builder.connectTimeout(timeout)
                    .buildAsync(uri, new Collector(frames))
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new GatewaySocket(name, socket, frames);
        } catch (ExecutionException e) {
            throw WebSocketUpgradeException.from(uri, e.getCause());
        } catch (TimeoutException e) {
            throw new WebSocketUpgradeException(uri, -1, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebSocketUpgradeException(uri, -1, "interrupted", e);
        }
    }

    /** Who this socket belongs to, for messages. */
    public String name() {
        return name;
    }

    /** The next frame, whatever its type. */
    public JsonNode nextFrame(Duration timeout) {
        return awaitFrame(frame -> true, timeout, "any frame");
    }

    /** The {@code welcome} frame the gateway sends first on every connection. */
    public JsonNode awaitWelcome(Duration timeout) {
        JsonNode first = nextFrame(timeout);
        if (!"welcome".equals(first.path("type").asText())) {
            throw new AssertionError(name + ": the first frame is not a welcome: " + first);
        }
        return first;
    }

    /** The next {@code event} frame, skipping frames of other types (pongs, acks). */
    public JsonNode nextEvent(Duration timeout) {
        return awaitFrame(frame -> "event".equals(frame.path("type").asText()), timeout, "an event frame");
    }

    /** The first {@code event} frame whose event (the envelope) matches, skipping everything before it. */
    public JsonNode awaitEvent(Predicate<JsonNode> envelope, Duration timeout, String description) {
        return awaitFrame(frame -> "event".equals(frame.path("type").asText()) && envelope.test(frame.path("event")),
                timeout, description);
    }

    /** The {@code booking.created} event frame of this booking. */
    public JsonNode awaitBookingCreated(String bookingId, Duration timeout) {
        return awaitEvent(event -> "booking.created".equals(event.path("type").asText())
                && bookingId.equals(event.path("data").path("id").asText()), timeout,
                "the booking.created event of booking " + bookingId);
    }

    /** Sends a text frame. */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * The first frame that matches, consuming the frames before it.
     *
     * @throws AssertionError if none arrives in time or the connection closes, listing the frames seen
     */
    public synchronized JsonNode awaitFrame(Predicate<JsonNode> matching, Duration timeout, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Frame frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
                if (frame == null) {
                    throw new AssertionError(name + ": no " + description + " within " + timeout.toMillis()
                            + " ms; frames seen so far: " + seen);
                }
                if (frame.closed() != null) {
                    frames.add(frame); // every later wait fails the same way
                    throw new AssertionError(name + ": connection " + frame.closed() + " while waiting for "
                            + description + "; frames seen so far: " + seen);
                }
                seen.add(frame.json());
                if (matching.test(frame.json())) {
                    return frame.json();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted while waiting for " + description, e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                socket.abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                socket.abort();
            }
        }
    }

    /** A text frame parsed as JSON, or the end of the connection. */
    private record Frame(JsonNode json, String closed) {
    }

    /** Assembles text frames (which may arrive in parts) and queues them parsed; records how the connection ended. */
    private static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<Frame> frames;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<Frame> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    frames.add(new Frame(ApiClient.JSON.readTree(text), null));
                } catch (JsonProcessingException e) {
                    frames.add(new Frame(null, "sent a frame that is not JSON: " + text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(new Frame(null, "closed by the server with code " + statusCode + " (" + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            frames.add(new Frame(null, "failed: " + error));
        }
    }
}
