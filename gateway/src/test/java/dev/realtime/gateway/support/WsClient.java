package dev.realtime.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A WebSocket client for tests (the JDK's {@link java.net.http.WebSocket}): every text frame the gateway sends
 * is queued in arrival order, and tests take them with a timeout.
 */
public final class WsClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<String> frames;
    private final CompletableFuture<Integer> closeCode;
    private final Demand demand;

    /** Whether the client asks for the next frame; a paused client stops reading its socket. */
    private static final class Demand {
        volatile boolean paused;
    }

    private WsClient(WebSocket socket, BlockingQueue<String> frames, CompletableFuture<Integer> closeCode,
            Demand demand) {
        this.socket = socket;
        this.frames = frames;
        this.closeCode = closeCode;
        this.demand = demand;
    }

    /** Connects with {@code Authorization: Bearer <token>}, as a server-side client would. */
    public static WsClient withHeader(URI uri, String token) {
        return connect(HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token), uri);
    }

    /** Connects with the token in {@code Sec-WebSocket-Protocol}, exactly as a browser must. */
    public static WsClient withSubprotocol(URI uri, String token) {
        // a subprotocol is an HTTP token: no spaces, so the header value is URL-encoded
        String carrier = "quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8).replace("+", "%20");
        return connect(HTTP.newWebSocketBuilder().subprotocols("bearer-token-carrier", carrier), uri);
    }

    /** Tries to connect and returns the HTTP status that refused the upgrade; fails if it is accepted. */
    public static int refusedStatus(URI uri, String token) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            }).join();
            socket.abort();
            return fail("the upgrade was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static WsClient connect(WebSocket.Builder builder, URI uri) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        Demand demand = new Demand();
        WebSocket socket = builder.connectTimeout(TIMEOUT).buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                if (!demand.paused) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closeCode.completeExceptionally(error);
            }
        }).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        return new WsClient(socket, frames, closeCode, demand);
    }

    /** Stops reading after the frame being received: the server's frames pile up in the TCP buffers. */
    public void pause() {
        demand.paused = true;
    }

    /** Reads again, as fast as frames come. */
    public void resume() {
        demand.paused = false;
        socket.request(Long.MAX_VALUE);
    }

    /** The subprotocol the server selected. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The next frame as sent, waiting for it. */
    public String nextRaw() {
        try {
            String frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(frame, "no frame within " + TIMEOUT);
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next frame, parsed. */
    public JsonNode next() {
        return parse(nextRaw());
    }

    /** The next frame, which must be of this type. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        assertEquals(type, frame.path("type").asText(), "unexpected frame " + frame);
        return frame;
    }

    /** Every frame up to and including the first one that matches, in arrival order. */
    public List<String> rawFramesUntil(Predicate<JsonNode> match) {
        List<String> seen = new ArrayList<>();
        while (true) {
            String raw = nextRaw();
            seen.add(raw);
            if (match.test(parse(raw))) {
                return seen;
            }
        }
    }

    /** The welcome frame, which must be the first frame of the connection. */
    public JsonNode welcome() {
        JsonNode welcome = next("welcome");
        assertTrue(welcome.path("connectionId").asText().length() > 0, "welcome without connectionId: " + welcome);
        return welcome;
    }

    /** The close code the server sent, waiting for it. */
    public int awaitCloseCode() {
        return closeCode.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public static JsonNode parse(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the gateway sent a frame that is not JSON: " + frame, e);
        }
    }

    @Override
    public void close() {
        if (!closeCode.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done").orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .exceptionally(failure -> null).join();
        }
        socket.abort();
    }
}
