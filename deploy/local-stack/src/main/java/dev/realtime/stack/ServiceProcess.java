package dev.realtime.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One replica of a service of the suite, running from its packaged fast-jar ({@code java -jar quarkus-run.jar}),
 * configured entirely through Quarkus' own keys as {@code -D} system properties, exactly as a deployment sets them
 * through environment variables.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration READY_POLL = Duration.ofMillis(250);

    private final Replica replica;
    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final Path logFile;
    private final Path pidFile;
    private final String marker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private ManagedProcess process;

    /**
     * @param properties configuration, passed as {@code -Dkey=value}
     * @param marker     {@code key=value} of a system property the process carries, to recognise one left by a
     *                   killed launcher
     */
    ServiceProcess(Replica replica, Path jar, Map<String, String> properties, List<String> jvmOptions,
            Path logFile, Path pidFile, String marker) {
        this.replica = replica;
        this.name = replica.name();
        this.jar = jar;
        this.properties = new TreeMap<>(properties);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.marker = marker;
    }

    public Replica replica() {
        return replica;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + replica.port());
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Starts the JVM without waiting for it; see {@link #awaitReady(Duration)}. After {@link #stop()} it starts
     * again, with the same configuration, port and log file (the benchmark times start-ups this way).
     */
    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not packaged: " + jar + " is missing; build it"
                    + " with ./mvnw -pl " + replica.service().module() + " -am package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.executable());
        command.addAll(jvmOptions);
        command.add("-D" + marker);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        process = ManagedProcess.start(name, command, logFile, pidFile);
    }

    /**
     * Waits until {@code GET /q/health/ready} answers 200: the database migrated, Kafka reachable, whatever else
     * the service checks.
     *
     * @throws IllegalStateException with the end of the service's log if it exits or is not ready in time
     */
    public void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        ManagedProcess starting;
        synchronized (this) {
            starting = process;
        }
        if (starting == null) {
            throw new IllegalStateException(name + " is not started");
        }
        String lastAnswer = "no answer";
        try {
            while (true) {
                starting.checkAlive("before it was ready");
                try {
                    HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        StackLog.info("%s (pid %d) ready on %s in %d ms", name, starting.pid(), baseUri(),
                                (System.nanoTime() - started) / 1_000_000);
                        return;
                    }
                    lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    lastAnswer = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " was not ready on " + baseUri()
                            + "/q/health/ready within " + timeout.toSeconds() + " s (last answer: " + lastAnswer
                            + "); last lines of " + logFile + ":" + System.lineSeparator() + starting.tail(40));
                }
                TimeUnit.MILLISECONDS.sleep(READY_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** The running JVM's process id; fails if it is not running. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** Stops the JVM (SIGTERM, SIGKILL after a grace period); a later {@link #start()} starts it again. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.stop(STOP_GRACE);
        process = null;
        StackLog.info("%s stopped", name);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " on " + baseUri();
    }
}
