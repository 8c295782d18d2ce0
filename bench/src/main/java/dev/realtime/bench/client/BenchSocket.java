package dev.realtime.bench.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * A gateway connection for the scenarios with few clients (chat, REST to socket): every text frame after the
 * {@code welcome} goes to a handler on the Vert.x event loop, with its arrival time in nanoseconds.
 */
public final class BenchSocket implements AutoCloseable {

    /** Receives a frame and {@link System#nanoTime()} at its arrival. */
    public interface Handler {
        void frame(String text, long arrivedNanos);
    }

    private final WebSocket socket;

    private BenchSocket(WebSocket socket) {
        this.socket = socket;
    }

    /** A shared client of few connections. */
    public static WebSocketClient client(Vertx vertx) {
        return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1000));
    }

    /** Opens a connection with the token as a bearer header and waits for the welcome frame. */
    public static BenchSocket connect(WebSocketClient client, URI ws, String token, Handler handler) {
        CompletableFuture<WebSocket> welcomed = new CompletableFuture<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(ws.getHost()).setPort(ws.getPort())
                .setURI(ws.getPath()).addHeader("Authorization", "Bearer " + token);
        client.connect(options).onComplete(result -> {
            if (result.failed()) {
                welcomed.completeExceptionally(result.cause());
                return;
            }
            WebSocket socket = result.result();
            socket.textMessageHandler(text -> {
                long now = System.nanoTime();
                if (!welcomed.isDone() && text.contains("\"type\":\"welcome\"")) {
                    welcomed.complete(socket);
                } else {
                    handler.frame(text, now);
                }
            });
            socket.closeHandler(closed -> welcomed.completeExceptionally(new IllegalStateException(
                    "closed before the welcome: " + socket.closeStatusCode())));
        });
        try {
            return new BenchSocket(welcomed.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a gateway connection to " + ws + ": " + e, e);
        }
    }

    public void send(String text) {
        socket.writeTextMessage(text);
    }

    @Override
    public void close() {
        socket.close();
    }
}
