package dev.realtime.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The project's one client of the gateway's WebSocket (java.net.http), for the gateway's tests, the end-to-end tests
 * and the smoke client. Every text frame the server sends is kept in arrival order, as sent, so that a caller can
 * wait for the one it expects, with a timeout, and see what else came.
 * <p>
 * The token goes on the upgrade either as an {@code Authorization} header or, as a browser must send it, inside
 * {@code Sec-WebSocket-Protocol}: {@code bearer-token-carrier} plus {@code quarkus-http-upgrade#Authorization#}
 * followed by {@code encodeURIComponent("Bearer " + token)} (docs/protocol.md), because a subprotocol may not
 * contain a space. The gateway URL-decodes that entry and splits it on {@code #}.
 * <p>
 * Methods without a timeout wait for the one given when connecting.
 */
public final class GatewaySocket implements AutoCloseable {

    /** The subprotocol that announces a token in the other subprotocol; the gateway selects it. */
    public static final String TOKEN_CARRIER_PROTOCOL = "bearer-token-carrier";

    /** A timeout that suits a test against a local gateway. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final HttpClient SHARED_HTTP = HttpClient.newHttpClient();

    private final String name;
    private final WebSocket socket;
    private final Duration timeout;
    private final Collector collector;
    private final List<String> seen = new ArrayList<>();

    private GatewaySocket(String name, WebSocket socket, Duration timeout, Collector collector) {
        this.name = name;
        this.socket = socket;
        this.timeout = timeout;
        this.collector = collector;
    }

    /** Connects with {@code Authorization: Bearer <token>} on the upgrade request. */
    public static GatewaySocket connectWithHeader(HttpClient http, URI uri, String name, String token,
            Duration timeout) {
        return connect(http.newWebSocketBuilder().header("Authorization", "Bearer " + token), uri, name, timeout);
    }

    /** {@link #connectWithHeader(HttpClient, URI, String, String, Duration)} on a shared client, default timeout. */
    public static GatewaySocket connectWithHeader(URI uri, String name, String token) {
        return connectWithHeader(SHARED_HTTP, uri, name, token, DEFAULT_TIMEOUT);
    }

    /** Connects the way a browser does: the token inside {@code Sec-WebSocket-Protocol}. */
    public static GatewaySocket connectWithSubprotocol(HttpClient http, URI uri, String name, String token,
            Duration timeout) {
        return connect(http.newWebSocketBuilder().subprotocols(TOKEN_CARRIER_PROTOCOL, headerSubprotocol(token)), uri,
                name, timeout);
    }

    /** {@link #connectWithSubprotocol(HttpClient, URI, String, String, Duration)} on a shared client. */
    public static GatewaySocket connectWithSubprotocol(URI uri, String name, String token) {
        return connectWithSubprotocol(SHARED_HTTP, uri, name, token, DEFAULT_TIMEOUT);
    }

    /** Connects without any token (to check that the gateway refuses it). */
    public static GatewaySocket connectAnonymously(HttpClient http, URI uri, String name, Duration timeout) {
        return connect(http.newWebSocketBuilder(), uri, name, timeout);
    }

    /**
     * Connects with whatever headers and subprotocols the builder carries, for a test of an unusual upgrade.
     *
     * @throws WebSocketUpgradeException if the server refuses the upgrade or does not answer in time
     */
    public static GatewaySocket connect(WebSocket.Builder builder, URI uri, String name, Duration timeout) {
        Collector collector = new Collector();
        try {
            WebSocket socket = builder.connectTimeout(timeout)
                    .buildAsync(uri, collector)
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new GatewaySocket(name, socket, timeout, collector);
        } catch (ExecutionException e) {
            throw WebSocketUpgradeException.from(uri, e.getCause());
        } catch (TimeoutException e) {
            throw new WebSocketUpgradeException(uri, -1, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebSocketUpgradeException(uri, -1, "interrupted", e);
        }
    }

    /**
     * The HTTP status with which the gateway refuses an upgrade carrying this token in the header ({@code null}: no
     * token at all).
     *
     * @throws AssertionError if the upgrade is accepted, or refused without an HTTP answer
     */
    public static int refusedStatus(URI uri, String token) {
        WebSocket.Builder builder = SHARED_HTTP.newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        GatewaySocket accepted;
        try {
            accepted = connect(builder, uri, "refused", DEFAULT_TIMEOUT);
        } catch (WebSocketUpgradeException refused) {
            if (refused.status() < 0) {
                throw new AssertionError("the upgrade to " + uri + " failed without an HTTP answer", refused);
            }
            return refused.status();
        }
        accepted.close();
        throw new AssertionError("the upgrade to " + uri + " was accepted");
    }

    /** {@code quarkus-http-upgrade#Authorization#} then {@code encodeURIComponent("Bearer " + token)}. */
    static String headerSubprotocol(String token) {
        return "quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Who this socket belongs to, for messages. */
    public String name() {
        return name;
    }

    /** The subprotocol the server selected, empty if none. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** The next text frame exactly as the server sent it. */
    public String nextRaw(Duration timeout) {
        return take(timeout, "any frame");
    }

    public String nextRaw() {
        return nextRaw(timeout);
    }

    /** The next frame, whatever its type. */
    public JsonNode nextFrame(Duration timeout) {
        return parse(nextRaw(timeout));
    }

    public JsonNode nextFrame() {
        return nextFrame(timeout);
    }

    /** The next frame, which must be of this type. */
    public JsonNode next(String type, Duration timeout) {
        JsonNode frame = nextFrame(timeout);
        if (!type.equals(frame.path("type").asText())) {
            throw new AssertionError(name + ": expected a " + type + " frame, got " + frame);
        }
        return frame;
    }

    public JsonNode next(String type) {
        return next(type, timeout);
    }

    /** The {@code welcome} frame the gateway sends first on every connection, with its connection id. */
    public JsonNode awaitWelcome(Duration timeout) {
        JsonNode welcome = next("welcome", timeout);
        if (welcome.path("connectionId").asText().isEmpty()) {
            throw new AssertionError(name + ": a welcome without connectionId: " + welcome);
        }
        return welcome;
    }

    public JsonNode awaitWelcome() {
        return awaitWelcome(timeout);
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

    /** The event frame of this event type about this aggregate ({@code data.id}), skipping every other. */
    public JsonNode awaitEvent(String eventType, String aggregateId, Duration timeout) {
        return awaitFrame(frame -> isEvent(frame, eventType, aggregateId), timeout,
                eventType + " event of " + aggregateId);
    }

    /** Whether a frame is the {@code event} frame of this event type about this aggregate ({@code data.id}). */
    public static boolean isEvent(JsonNode frame, String eventType, String aggregateId) {
        JsonNode event = frame.path("event");
        return "event".equals(frame.path("type").asText()) && eventType.equals(event.path("type").asText())
                && aggregateId.equals(event.path("data").path("id").asText());
    }

    /** The {@code booking.created} event frame of this booking. */
    public JsonNode awaitBookingCreated(String bookingId, Duration timeout) {
        return awaitEvent("booking.created", bookingId, timeout);
    }

    /**
     * The first frame that matches, consuming the frames before it.
     *
     * @throws AssertionError if none arrives in time or the connection ends, listing the frames seen
     */
    public JsonNode awaitFrame(Predicate<JsonNode> matching, Duration timeout, String description) {
        List<String> taken = framesUntil(matching, timeout, description);
        return parse(taken.get(taken.size() - 1));
    }

    /** Every frame as sent, up to and including the first one that matches, in arrival order. */
    public List<String> rawFramesUntil(Predicate<JsonNode> matching, Duration timeout) {
        return framesUntil(matching, timeout, "a matching frame");
    }

    public List<String> rawFramesUntil(Predicate<JsonNode> matching) {
        return rawFramesUntil(matching, timeout);
    }

    private synchronized List<String> framesUntil(Predicate<JsonNode> matching, Duration timeout,
            String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> taken = new ArrayList<>();
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            String raw = take(Duration.ofNanos(left), description);
            taken.add(raw);
            if (matching.test(parse(raw))) {
                return taken;
            }
        }
    }

    /** The close code the server sent, waiting for it. */
    public int awaitCloseCode(Duration timeout) {
        try {
            return collector.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": the server did not close within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": the connection failed instead of closing: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted while waiting for the close", e);
        }
    }

    public int awaitCloseCode() {
        return awaitCloseCode(timeout);
    }

    /** Sends a text frame. */
    public void send(String text) {
        join(socket.sendText(text, true), "send a text frame");
    }

    /** Sends a binary frame (the gateway speaks text only). */
    public void sendBinary(byte[] data) {
        join(socket.sendBinary(ByteBuffer.wrap(data), true), "send a binary frame");
    }

    /** Stops reading after the frame being received: the server's frames pile up in the TCP buffers. */
    public void pause() {
        collector.paused = true;
    }

    /** Reads again, as fast as frames come. */
    public void resume() {
        collector.paused = false;
        socket.request(Long.MAX_VALUE);
    }

    /** A frame parsed as JSON. */
    public static JsonNode parse(String frame) {
        try {
            return ApiClient.JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the gateway sent a frame that is not JSON: " + frame, e);
        }
    }

    /**
     * The cursor of what this connection has received so far (per topic its epoch and per partition the last
     * offset), kept from event and position frames; empty until the connection is live. Position frames are
     * taken in here and never returned by {@link #nextFrame}.
     */
    public ObjectNode cursor() {
        synchronized (collector.cursor) {
            return collector.cursor.deepCopy();
        }
    }

    /**
     * Waits until the connection is live: the gateway holds a new connection until its first frame (or
     * {@code gateway.history.resume-wait}) and then sends its cursor; events of the wait are replayed, not lost.
     */
    public GatewaySocket awaitLive(Duration timeout) {
        try {
            collector.live.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(name + ": not live within " + timeout.toMillis() + " ms; frames seen: " + seen, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted while waiting to go live", e);
        }
    }

    /**
     * The frames that have arrived and not been read yet, without waiting; after {@link #close()} these are the
     * last the connection got, and {@link #cursor()} covers exactly them and those read before.
     */
    public synchronized List<JsonNode> arrivedFrames() {
        List<JsonNode> frames = new ArrayList<>();
        for (Object item; (item = collector.items.peek()) instanceof String;) {
            collector.items.poll();
            seen.add((String) item);
            frames.add(parse((String) item));
        }
        return frames;
    }

    /** Sends a {@code resume} frame with this cursor and these explicit channels. */
    public void resume(String id, JsonNode cursor, String... channels) {
        ObjectNode frame = ApiClient.JSON.createObjectNode().put("type", "resume").put("id", id);
        frame.set("cursor", cursor);
        for (String channel : channels) {
            frame.withArray("channels").add(channel);
        }
        send(frame.toString());
    }

    /** Closes normally, or drops the connection if the server does not take the close in time. */
    @Override
    public void close() {
        if (!socket.isOutputClosed() && !collector.closeCode.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the server is gone or slow: dropping the connection below ends it all the same
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.abort();
    }

    private synchronized String take(Duration timeout, String description) {
        try {
            Object item = collector.items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError(name + ": no " + description + " within " + timeout.toMillis()
                        + " ms; frames seen so far: " + seen);
            }
            if (item instanceof Ended ended) {
                collector.items.add(ended); // every later wait fails the same way
                throw new AssertionError(name + ": connection " + ended.how() + " while waiting for " + description
                        + "; frames seen so far: " + seen);
            }
            String raw = (String) item;
            seen.add(raw);
            return raw;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted while waiting for " + description, e);
        }
    }

    private void join(CompletableFuture<WebSocket> sent, String what) {
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(name + ": cannot " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted during " + what, e);
        }
    }

    /** How the connection ended, queued after its last frame. */
    private record Ended(String how) {
    }

    /**
     * Assembles text frames (which may arrive in parts) and queues them as sent, then an {@link Ended}; asks for
     * the next frame unless paused.
     */
    private static final class Collector implements WebSocket.Listener {

        final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        volatile boolean paused;
        private final StringBuilder partial = new StringBuilder();

        /** The client's cursor, as protocol.md says a client keeps it: guarded by itself. */
        final ObjectNode cursor = ApiClient.JSON.createObjectNode();
        /** Done once the connection is live: its first position, resumed or not-recoverable frame. */
        final CompletableFuture<Void> live = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String raw = partial.toString();
                partial.setLength(0);
                if (!track(raw)) {
                    items.add(raw);
                }
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        /**
         * Keeps the cursor: an event moves its partition's offset, a position, resumed or not-recoverable frame
         * replaces the cursor. Returns true for a position frame, which is bookkeeping only and not queued.
         */
        private boolean track(String raw) {
            JsonNode frame;
            try {
                frame = ApiClient.JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                return false;
            }
            String type = frame.path("type").asText();
            synchronized (cursor) {
                if ("event".equals(type)) {
                    JsonNode topic = cursor.path(frame.path("topic").asText());
                    if (topic.isObject()) {
                        ((ObjectNode) topic).with("offsets").put(frame.path("partition").asText(),
                                frame.path("offset").asLong());
                    }
                } else if (frame.path("cursor").isObject()
                        && ("position".equals(type) || "resumed".equals(type) || "not-recoverable".equals(type))) {
                    cursor.removeAll();
                    cursor.setAll((ObjectNode) frame.path("cursor"));
                    live.complete(null);
                }
            }
            return "position".equals(type);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            items.add(new Ended("closed by the server with code " + statusCode + " (" + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
            items.add(new Ended("failed: " + error));
        }
    }
}
