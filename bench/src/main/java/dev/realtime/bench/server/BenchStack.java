package dev.realtime.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.realtime.bench.measure.JvmHeap;
import dev.realtime.bench.token.BenchTokens;
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.RepoRoot;
import dev.realtime.stack.Service;
import dev.realtime.stack.ServiceProcess;
import dev.realtime.stack.StackPorts;

/**
 * Kafka (a real KRaft broker process, from the local stack) and the servers under test for the fan-out
 * scenarios. The gateway is the local stack's own gateway process, configured to read only the benchmark topic and
 * to trust the run's key ({@link BenchTokens}); between runs against the other target it is stopped, so that only
 * one server reads the topic at a time. The Node server is started beside the same broker.
 */
public final class BenchStack implements AutoCloseable {

    /** The topic both servers read; the gateway reads it instead of the domain topics. */
    public static final String TOPIC = "bench.events";

    private final LocalStack stack;
    private final BenchTokens tokens;
    private final Path dir;
    private final Path repoRoot;
    private final int partitions;
    private final boolean withGateway;
    private boolean gatewayRunning;

    private BenchStack(LocalStack stack, BenchTokens tokens, Path dir, Path repoRoot, int partitions,
            boolean withGateway) {
        this.stack = stack;
        this.tokens = tokens;
        this.dir = dir;
        this.repoRoot = repoRoot;
        this.partitions = partitions;
        this.withGateway = withGateway;
        this.gatewayRunning = withGateway;
    }

    /**
     * Starts Kafka (and the gateway when it is a target) and creates the topic.
     *
     * @param gatewayJvm the gateway's JVM options, e.g. {@code -Xmx512m -XX:+UseSerialGC}
     * @param extra      more gateway configuration, as {@code key=value}
     */
    public static BenchStack start(Path dir, Set<Target> targets, int partitions, List<String> gatewayJvm,
            Map<String, String> extra, Duration readyTimeout) {
        Path root = RepoRoot.locate();
        BenchTokens tokens = BenchTokens.create(dir);
        boolean withGateway = targets.contains(Target.GATEWAY);
        Set<Service> without = EnumSet.allOf(Service.class);
        if (withGateway) {
            without.remove(Service.GATEWAY);
        }
        var builder = LocalStack.builder()
                .repoRoot(root)
                .workDir(dir.resolve("stack"))
                .ports(StackPorts.free())
                .readyTimeout(readyTimeout)
                .without(without)
                .serviceJvmOptions(gatewayJvm)
                .serviceProperty(Service.GATEWAY, "gateway.topics", TOPIC)
                // the load generator's clients share a few subjects; the per-user limit is for real users
                .serviceProperty(Service.GATEWAY, "gateway.limits.max-connections-per-user", "1000000")
                .serviceProperty(Service.GATEWAY, "rt.kafka.partitions", Integer.toString(partitions))
                .serviceProperty(Service.GATEWAY, "mp.jwt.verify.publickey.location",
                        tokens.publicKeyPem().toUri().toString())
                .serviceProperty(Service.GATEWAY, "mp.jwt.verify.issuer", BenchTokens.ISSUER);
        extra.forEach((key, value) -> builder.serviceProperty(Service.GATEWAY, key, value));
        LocalStack stack = builder.build();
        stack.start();
        BenchStack bench = new BenchStack(stack, tokens, dir, root, partitions, withGateway);
        try {
            bench.ensureTopic();
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    public BenchTokens tokens() {
        return tokens;
    }

    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    public long kafkaPid() {
        try {
            return Long.parseLong(Files.readString(stack.layout().runDir().resolve("kafka.pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file of the Kafka broker", e);
        }
    }

    /** Why this target cannot run here, if it cannot. */
    public Optional<String> unavailable(Target target) {
        if (target == Target.NODE) {
            return NodeServer.unavailable(repoRoot.resolve("bench/node"), dir);
        }
        return withGateway ? Optional.empty() : Optional.of("the stack was started without the gateway");
    }

    /** Starts the server (the other one is not running) and waits until it is ready to deliver. */
    public TargetServer start(Target target, Duration readyTimeout) {
        if (target == Target.NODE) {
            stopGateway();
            return NodeServer.start(repoRoot.resolve("bench/node"), freePort(), kafkaBootstrapServers(), TOPIC,
                    tokens.publicKeyPem(), BenchTokens.ISSUER, dir.resolve("node-server.log"), readyTimeout);
        }
        ServiceProcess gateway = stack.process(Service.GATEWAY, 1);
        if (!gatewayRunning) {
            gateway.start();
            gateway.awaitReady(readyTimeout);
            gatewayRunning = true;
        }
        URI base = stack.baseUri(Service.GATEWAY);
        long pid = gateway.pid();
        return new TargetServer() {
            @Override
            public Target target() {
                return Target.GATEWAY;
            }

            @Override
            public URI socketUri() {
                return URI.create("ws://127.0.0.1:" + base.getPort());
            }

            @Override
            public long pid() {
                return pid;
            }

            @Override
            public long liveHeapBytes() {
                return JvmHeap.liveBytes(pid);
            }

            @Override
            public void close() {
                stopGateway();
            }
        };
    }

    private void stopGateway() {
        if (gatewayRunning) {
            stack.process(Service.GATEWAY, 1).stop();
            gatewayRunning = false;
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!existing.contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topic " + TOPIC, e);
        }
        loadGroupCoordinator();
    }

    /**
     * Joins a consumer group once, so that the broker creates {@code __consumer_offsets} and loads its coordinator
     * now: kafkajs, the Node server's client, crashes and restarts when its first join finds the coordinator loading.
     */
    private void loadGroupCoordinator() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-coordinator-warm-up",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
