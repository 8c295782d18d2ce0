package dev.realtime.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker as a child JVM: KRaft mode, one node that is broker and controller at once, data
 * under the work directory. It can be stopped and started again on the same ports and data, which is how the
 * end-to-end tests simulate a Kafka outage.
 * <p>
 * Topics are never created automatically ({@code auto.create.topics.enable=false}), as in production: each
 * service creates the topics it declares, so a typo in a topic name fails instead of silently creating one.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration READY_POLL = Duration.ofMillis(250);

    private final int port;
    private final int controllerPort;
    private final Path dir;
    private final Path libDir;
    private final Path logFile;
    private final Path pidFile;
    private final String marker;
    private final Duration readyTimeout;
    private ManagedProcess process;

    /**
     * @param dir     holds {@code server.properties}, {@code log4j2.properties} and {@code data/}
     * @param libDir  the jars of the broker (kafka_2.13 and its dependencies, a log4j2 backend)
     * @param marker  {@code key=value} of a system property the broker carries, to recognise one left by a killed
     *                launcher
     */
    KafkaBroker(int port, int controllerPort, Path dir, Path libDir, Path logFile, Path pidFile, String marker,
            Duration readyTimeout) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dir = dir;
        this.libDir = libDir;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.marker = marker;
        this.readyTimeout = readyTimeout;
    }

    /** Starts the broker (formatting its storage on first use) and waits until it answers metadata requests. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long started = System.nanoTime();
        writeConfiguration();
        if (!Files.isRegularFile(dataDir().resolve("meta.properties"))) {
            format();
        }
        process = ManagedProcess.start("kafka", javaCommand("kafka.Kafka", serverProperties().toString()), logFile,
                pidFile);
        awaitReady();
        StackLog.info("Kafka broker (KRaft, pid %d) started on %s in %d ms (controller port %d, data %s)",
                process.pid(), bootstrapServers(), (System.nanoTime() - started) / 1_000_000, controllerPort,
                dataDir());
    }

    /** Stops the broker gracefully (a controlled shutdown); its data stays for the next start. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.stop(STOP_GRACE);
        process = null;
        StackLog.info("Kafka broker stopped");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private Path log4jProperties() {
        return dir.resolve("log4j2.properties");
    }

    private void writeConfiguration() {
        List<String> lines = List.of(
                "# Written by the local stack at every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir(),
                "auto.create.topics.enable=false",
                // one broker: every internal topic has one replica, and fewer partitions than a cluster would use
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0");
        try {
            Files.createDirectories(dataDir());
            Files.write(serverProperties(), lines, StandardCharsets.UTF_8);
            try (InputStream log4j = KafkaBroker.class.getResourceAsStream("kafka-log4j2.properties")) {
                if (log4j == null) {
                    throw new IllegalStateException("kafka-log4j2.properties is missing from the launcher jar");
                }
                Files.copy(log4j, log4jProperties(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration in " + dir, e);
        }
    }

    /** {@code kafka-storage format}: a new cluster id and the KRaft metadata log on an empty data directory. */
    private void format() {
        List<String> command = javaCommand("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties().toString());
        try {
            Files.createDirectories(logFile.getParent());
            Process tool = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!tool.waitFor(2, TimeUnit.MINUTES)) {
                tool.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage timed out; see " + logFile);
            }
            if (tool.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed with code " + tool.exitValue()
                        + "; last lines of " + logFile + ":" + System.lineSeparator() + ManagedProcess.tail(logFile, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Kafka storage tool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                JavaRuntime.executable(),
                "-Xms128m", "-Xmx512m",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jProperties(),
                "-D" + marker,
                "-cp", libDir.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Polls with an admin client until the broker lists itself as a live node. */
    private void awaitReady() {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                process.checkAlive("while starting");
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not answering yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not answer on " + bootstrapServers() + " within "
                            + readyTimeout.toSeconds() + " s; last lines of " + logFile + ":" + System.lineSeparator()
                            + process.tail(40));
                }
                TimeUnit.MILLISECONDS.sleep(READY_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public String toString() {
        return "Kafka on " + bootstrapServers();
    }
}
