package dev.realtime.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Node Socket.IO server of {@code bench/node/server.js} as a child process: {@code npm ci} once per run of the
 * harness (the lock file is committed), then {@code node --expose-gc server.js}.
 */
public final class NodeServer implements TargetServer {

    // HTTP/1.1: an h2c upgrade request would go to the server's WebSocket upgrade handler, not to /ready
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean installed;

    private final Process process;
    private final int port;

    private NodeServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why the Node server cannot run here, if it cannot: no node, no npm, or {@code npm ci} failed. */
    public static Optional<String> unavailable(Path nodeDir, Path logDir) {
        if (installed) {
            return Optional.empty();
        }
        for (String tool : List.of("node", "npm")) {
            if (run(List.of(tool, "--version"), nodeDir, logDir.resolve("node-version.log"), 30) != 0) {
                return Optional.of(tool + " is not installed (needed for --target node)");
            }
        }
        int code = run(List.of("npm", "ci", "--no-audit", "--no-fund"), nodeDir, logDir.resolve("npm-ci.log"), 300);
        if (code != 0) {
            return Optional.of("npm ci in " + nodeDir + " failed with code " + code + "; see "
                    + logDir.resolve("npm-ci.log"));
        }
        installed = true;
        return Optional.empty();
    }

    /** Starts the server and waits until its Kafka consumer has joined and it listens. */
    public static NodeServer start(Path nodeDir, int port, String kafka, String topic, Path publicKeyPem, String issuer,
            Path logFile, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder("node", "--expose-gc", "server.js")
                .directory(nodeDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("KAFKA_BROKERS", kafka);
        builder.environment().put("TOPIC", topic);
        builder.environment().put("PUBLIC_KEY_FILE", publicKeyPem.toString());
        builder.environment().put("ISSUER", issuer);
        try {
            NodeServer server = new NodeServer(builder.start(), port);
            server.awaitReady(timeout, logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node", e);
        }
    }

    @Override
    public Target target() {
        return Target.NODE;
    }

    @Override
    public URI socketUri() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long liveHeapBytes() {
        return stats().get("heapUsed").asLong();
    }

    private com.fasterxml.jackson.databind.JsonNode stats() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/stats")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout, Path logFile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the node server exited with " + process.exitValue() + "; see "
                            + logFile);
                }
                try {
                    if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        close();
        throw new IllegalStateException("the node server was not ready within " + timeout.toSeconds() + " s; see "
                + logFile);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int run(List<String> command, Path dir, Path log, int timeoutSeconds) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
