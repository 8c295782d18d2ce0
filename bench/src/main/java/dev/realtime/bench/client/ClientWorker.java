package dev.realtime.bench.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.bench.load.EventPayload;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * A client process of the benchmark: holds up to a few thousand WebSocket connections (a process may hold at most
 * 20,000 open files here, so a run of 19,000 connections needs several) and counts what each receives. Driven
 * over stdin by {@link WorkerProcess}, one command a line; every answer is one line on stdout starting with
 * {@code @}:
 * <ul>
 * <li>{@code connect <n>}: opens the next {@code n} connections of the spec; {@code @connected {ok, failed, error}}</li>
 * <li>{@code progress}: {@code @progress {open, unique: [per step]}}</li>
 * <li>{@code report}: {@code @report {open, closedByServer: {code: count}, steps: [counters and histogram]}}</li>
 * <li>{@code quit}: closes every connection and exits</li>
 * </ul>
 * The spec file (JSON) holds {@code uri}, {@code protocol}, {@code localAddress}, {@code tokens} (room to token)
 * and {@code rooms} (the room of each connection, in the order they are opened).
 */
public final class ClientWorker {

    static final int MAX_STEPS = 64;
    private static final int CONNECTS_IN_FLIGHT = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireProtocol protocol;
    private final URI uri;
    private final Map<Integer, String> tokens = new TreeMap<>();
    private final List<Integer> rooms = new ArrayList<>();
    private final Vertx vertx;
    private final WebSocketClient client;
    private final StepCounters[] steps = new StepCounters[MAX_STEPS];
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, LongAdder> closedByServer = new ConcurrentHashMap<>();
    private final LongAdder noMarker = new LongAdder();
    private volatile boolean quitting;
    private int nextConnection;

    private ClientWorker(JsonNode spec, int eventLoops) {
        this.protocol = WireProtocol.valueOf(spec.get("protocol").asText());
        this.uri = URI.create(spec.get("uri").asText());
        spec.get("tokens").fields().forEachRemaining(e -> tokens.put(Integer.valueOf(e.getKey()), e.getValue().asText()));
        spec.get("rooms").forEach(room -> rooms.add(room.asInt()));
        for (int i = 0; i < MAX_STEPS; i++) {
            steps[i] = new StepCounters();
        }
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1).setBlockedThreadCheckInterval(60_000));
        WebSocketClientOptions options = new WebSocketClientOptions()
                .setMaxConnections(100_000)
                .setConnectTimeout(30_000)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(1 << 20);
        String localAddress = spec.path("localAddress").asText("");
        if (!localAddress.isEmpty()) {
            // every client process on its own loopback address: five processes never run out of ephemeral ports
            options.setLocalAddress(localAddress);
        }
        this.client = vertx.createWebSocketClient(options);
    }

    public static void main(String[] args) throws Exception {
        JsonNode spec = JSON.readTree(Files.readString(Path.of(args[0])));
        int eventLoops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        ClientWorker worker = new ClientWorker(spec, eventLoops);
        worker.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        System.exit(0);
    }

    private void serve(BufferedReader commands) throws Exception {
        answer("hello", Map.of("pid", ProcessHandle.current().pid()));
        String line;
        while ((line = commands.readLine()) != null) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "connect" -> answer("connected", connect(Integer.parseInt(words[1])));
                case "progress" -> answer("progress", progress());
                case "report" -> answer("report", report());
                case "quit" -> {
                    quit();
                    return;
                }
                default -> answer("error", Map.of("message", "unknown command " + line));
            }
        }
        quit();
    }

    private Map<String, Object> connect(int count) throws InterruptedException {
        int end = Math.min(rooms.size(), nextConnection + count);
        Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(end - nextConnection);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> error = new AtomicReference<>();
        for (; nextConnection < end; nextConnection++) {
            inFlight.acquire();
            Connection connection = new Connection(rooms.get(nextConnection));
            connections.add(connection);
            connection.open(ready -> {
                if (ready == null) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    error.compareAndSet(null, ready);
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await(5, TimeUnit.MINUTES);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", ok.get());
        result.put("failed", failed.get() + (int) done.getCount());
        result.put("error", error.get());
        return result;
    }

    private Map<String, Object> progress() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("open", open.get());
        long[] unique = new long[MAX_STEPS];
        for (int i = 0; i < MAX_STEPS; i++) {
            unique[i] = steps[i].unique.sum();
        }
        result.put("unique", unique);
        return result;
    }

    private Map<String, Object> report() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("open", open.get());
        Map<String, Long> closed = new TreeMap<>();
        closedByServer.forEach((code, count) -> closed.put(code, count.sum()));
        result.put("closedByServer", closed);
        result.put("framesWithoutMarker", noMarker.sum());
        List<Map<String, Object>> reports = new ArrayList<>();
        for (StepCounters step : steps) {
            reports.add(step.report());
        }
        result.put("steps", reports);
        return result;
    }

    private void quit() {
        quitting = true;
        CountDownLatch closed = new CountDownLatch(1);
        vertx.close().onComplete(done -> closed.countDown());
        try {
            closed.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(String kind, Object body) {
        try {
            String line = "@" + kind + " " + JSON.writeValueAsString(body);
            synchronized (System.out) {
                System.out.println(line);
                System.out.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One connection: its room and the last sequence number it got of that room's events. */
    private final class Connection {

        private final int room;
        private long lastSeq = -1;
        private WebSocket socket;
        private java.util.function.Consumer<String> onReady;

        Connection(int room) {
            this.room = room;
        }

        /** Opens the connection; {@code onReady} gets null once it is usable, otherwise the reason it is not. */
        void open(java.util.function.Consumer<String> onReady) {
            this.onReady = onReady;
            WebSocketConnectOptions options = new WebSocketConnectOptions()
                    .setHost(uri.getHost()).setPort(uri.getPort()).setURI(protocol.path());
            if (protocol == WireProtocol.GATEWAY) {
                options.addHeader("Authorization", "Bearer " + tokens.get(room));
            }
            client.connect(options).onComplete(result -> {
                if (result.failed()) {
                    ready(String.valueOf(result.cause()));
                    return;
                }
                socket = result.result();
                open.incrementAndGet();
                socket.textMessageHandler(this::onText);
                socket.closeHandler(closed -> {
                    open.decrementAndGet();
                    if (!quitting) {
                        Short code = socket.closeStatusCode();
                        closedByServer.computeIfAbsent(String.valueOf(code), c -> new LongAdder()).increment();
                    }
                    ready("closed by the server before it was ready: " + socket.closeStatusCode() + " "
                            + socket.closeReason());
                });
                socket.exceptionHandler(failure -> ready(String.valueOf(failure)));
            });
        }

        private void ready(String problem) {
            java.util.function.Consumer<String> callback = onReady;
            if (callback != null) {
                onReady = null;
                callback.accept(problem);
            }
        }

        private void onText(String text) {
            if (protocol == WireProtocol.GATEWAY) {
                if (text.startsWith("{\"type\":\"event\"")) {
                    onEvent(text);
                } else if (text.startsWith("{\"type\":\"welcome\"")) {
                    ready(null);
                } else if (onReady != null && text.contains("\"type\":\"welcome\"")) {
                    ready(null);
                } else if (text.contains("\"type\":\"event\"")) {
                    onEvent(text);
                }
                return;
            }
            // Engine.IO packet type, then Socket.IO packet type
            if (text.startsWith("42")) {
                onEvent(text);
            } else if (text.equals("2")) {
                socket.writeTextMessage("3");
            } else if (text.startsWith("0")) {
                socket.writeTextMessage("40{\"token\":\"" + tokens.get(room) + "\"}");
            } else if (text.startsWith("40")) {
                ready(null);
            } else if (text.startsWith("44")) {
                ready("connect refused: " + text);
                socket.close();
            } else if (text.startsWith("41")) {
                closedByServer.computeIfAbsent("socket.io-disconnect", c -> new LongAdder()).increment();
            }
        }

        private void onEvent(String text) {
            EventPayload.Marker marker = EventPayload.parse(text);
            if (marker.step() < 0 || marker.step() >= MAX_STEPS) {
                noMarker.increment();
                return;
            }
            StepCounters counters = steps[marker.step()];
            if (marker.room() != room) {
                counters.misrouted.increment();
                return;
            }
            if (marker.seq() <= lastSeq) {
                counters.duplicates.increment();
                return;
            }
            lastSeq = marker.seq();
            counters.received(marker.sentMicros(), EventPayload.nowMicros());
        }
    }
}
