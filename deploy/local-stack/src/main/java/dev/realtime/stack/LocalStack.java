package dev.realtime.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.realtime.client.SmokeClient;

/**
 * The whole suite on one machine: an embedded PostgreSQL with a database per service, a Kafka broker process, then
 * auth-service (the others verify tokens with its keys) and the other four services from their packaged jars, each
 * as one replica or several ({@link LocalStackBuilder#replicas(Service, int)}). {@link #close()} stops everything in reverse
 * order, child processes included.
 * <p>
 * The command line launcher ({@link LocalStackMain}) and the end-to-end tests both use this class:
 *
 * <pre>{@code
 * LocalStack stack = LocalStack.builder().ports(StackPorts.free(1)).replicas(Service.GATEWAY, 2)
 *         .workDir(tempDir).build();
 * stack.start();
 * stack.kafka().stop();           // simulate an outage
 * stack.kafka().start();          // same port, same data
 * URI ws = stack.gatewayWebSocketUri();     // the first gateway replica
 * URI ws2 = stack.gatewayWebSocketUri(2);   // the second
 * stack.close();
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** Every child carries {@code -Drt.stack.work-dir=<work dir>}: how a later launcher recognises a leftover. */
    public static final String MARKER_PROPERTY = "rt.stack.work-dir";
    /**
     * The bootstrap admin account auth-service creates in the stack (roles user and admin): the one the smoke client
     * logs in as by default.
     */
    public static final String ADMIN_USERNAME = SmokeClient.DEFAULT_USERNAME;
    public static final String ADMIN_PASSWORD = SmokeClient.DEFAULT_PASSWORD;
    /**
     * Origins a frontend in development is served from, granted CORS by every REST service of the stack: the
     * demo web app (8090) and the usual dev servers (Vite 5173, create-react-app and Next.js 3000).
     */
    public static final List<String> DEV_ORIGINS = List.of("http://localhost:8090", "http://localhost:5173",
            "http://localhost:3000");
    /** The {@code iss} of auth-service's tokens, which every service verifies. */
    public static final String TOKEN_ISSUER = "realtime-auth";

    private final StackLayout layout;
    private final StackPorts ports;
    private final Duration readyTimeout;
    private final List<String> serviceJvmOptions;
    private final List<String> corsOrigins;
    private final Map<Service, Map<String, String>> extraProperties;
    private final boolean clean;
    private final Set<Service> services;
    private final Map<Service, List<Replica>> replicas;
    /** {@code rt.stack.work-dir=<work dir>}: the system property every child of this stack carries. */
    private final String marker;

    /** Everything started so far, most recent first: the order to stop it in. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<Replica, ServiceProcess> processes = new ConcurrentHashMap<>();
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private boolean started;
    private boolean closed;

    LocalStack(LocalStackBuilder builder) {
        Path root = builder.repoRoot != null ? builder.repoRoot : RepoRoot.locate();
        this.layout = new StackLayout(root, builder.workDir != null ? builder.workDir : StackLayout.defaultWorkDir(root));
        this.ports = builder.ports;
        this.readyTimeout = builder.readyTimeout;
        this.serviceJvmOptions = List.copyOf(builder.serviceJvmOptions);
        this.corsOrigins = List.copyOf(builder.corsOrigins);
        this.extraProperties = new EnumMap<>(Service.class);
        builder.extraProperties.forEach((service, properties) -> extraProperties.put(service, Map.copyOf(properties)));
        this.clean = builder.clean;
        this.services = builder.services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(builder.services);
        this.replicas = Replica.plan(ports, services, builder.replicaCounts);
        this.marker = MARKER_PROPERTY + "=" + layout.workDir();
    }

    public static LocalStackBuilder builder() {
        return new LocalStackBuilder();
    }

    /**
     * Starts PostgreSQL, Kafka and the services and waits until each is ready. On failure, stops what it started
     * and throws with the reason and the end of the failing component's log.
     */
    public void start() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("the stack was already started");
            }
            started = true;
        }
        long begin = System.nanoTime();
        StackLog.info("Starting the local stack: sources %s, work dir %s", layout.repoRoot(), layout.workDir());
        try {
            prepareWorkDir();
            checkPackaged();
            Path kafkaLib = layout.kafkaLibDir();
            checkPortsFree();

            postgres = register(new PostgresServer(ports.postgres(), layout.postgresDir(), layout.logFile("postgres"),
                    Arrays.stream(Service.values()).flatMap(s -> s.database().stream()).toList()));
            postgres.start();

            kafka = register(new KafkaBroker(ports.kafka(), ports.kafkaController(), layout.kafkaDir(), kafkaLib,
                    layout.logFile("kafka"), layout.runDir().resolve("kafka.pid"), marker, readyTimeout));
            kafka.start();

            // auth's first replica migrates its database and creates the bootstrap admin before anyone else runs
            Replica firstAuth = services.contains(Service.AUTH) ? replicas(Service.AUTH).get(0) : null;
            if (firstAuth != null) {
                startService(firstAuth).awaitReady(readyTimeout);
            }
            // the others do not depend on one another: start them together, then wait for each
            List<ServiceProcess> others = new ArrayList<>();
            for (Service service : services) {
                for (Replica replica : replicas(service)) {
                    if (!replica.equals(firstAuth)) {
                        others.add(startService(replica));
                    }
                }
            }
            others.forEach(service -> service.awaitReady(readyTimeout));
        } catch (RuntimeException e) {
            boolean stoppedWhileStarting = isClosed();
            close();
            if (stoppedWhileStarting) {
                // a Ctrl-C during start: what failed is a consequence, not the cause
                throw new IllegalStateException("the stack was stopped while it was starting", e);
            }
            throw e;
        }
        StackLog.info("Local stack ready in %d s", (System.nanoTime() - begin) / 1_000_000_000);
    }

    /** The Kafka broker, to stop and start again (same port, same data) to simulate an outage. */
    public KafkaBroker kafka() {
        return Objects.requireNonNull(kafka, "the stack is not started");
    }

    public PostgresServer postgres() {
        return Objects.requireNonNull(postgres, "the stack is not started");
    }

    public StackPorts ports() {
        return ports;
    }

    public StackLayout layout() {
        return layout;
    }

    /** The services this stack runs (all of them unless some were left out). */
    public Set<Service> services() {
        return Collections.unmodifiableSet(services);
    }

    /**
     * The replicas of a service this stack runs, the first one first; none if the service is left out.
     */
    public List<Replica> replicas(Service service) {
        return replicas.getOrDefault(service, List.of());
    }

    /**
     * The process of a replica of a service, numbered from 1, to stop and start it again (same port, same log)
     * or to read its pid; the stack still stops it on {@link #close()}.
     */
    public ServiceProcess process(Service service, int replica) {
        ServiceProcess process = processes.get(replica(service, replica));
        if (process == null) {
            throw new IllegalStateException(service.module() + " " + replica + " was not started");
        }
        return process;
    }

    /** {@code http://localhost:<port>} of a service's first replica. */
    public URI baseUri(Service service) {
        return URI.create("http://localhost:" + ports.of(service));
    }

    /** {@code http://localhost:<port>} of a replica of a service, numbered from 1. */
    public URI baseUri(Service service, int replica) {
        return URI.create("http://localhost:" + replica(service, replica).port());
    }

    /** The first gateway replica's WebSocket endpoint, {@code ws://localhost:<port>/ws}. */
    public URI gatewayWebSocketUri() {
        return URI.create("ws://localhost:" + ports.gateway() + "/ws");
    }

    /** The WebSocket endpoint of a gateway replica, numbered from 1. */
    public URI gatewayWebSocketUri(int replica) {
        return URI.create("ws://localhost:" + replica(Service.GATEWAY, replica).port() + "/ws");
    }

    private Replica replica(Service service, int number) {
        List<Replica> running = replicas(service);
        if (number < 1 || number > running.size()) {
            throw new IllegalArgumentException("the stack runs " + running.size() + " replica(s) of "
                    + service.module() + ", not a replica " + number);
        }
        return running.get(number - 1);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    /** Where each component listens and where it logs, as a table for people. */
    public String describe() {
        String format = "  %-22s %-68s %s%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(format, "COMPONENT", "LISTENS ON", "LOG"));
        String databases = String.join(",", Arrays.stream(Service.values())
                .flatMap(s -> s.database().stream()).toList());
        table.append(String.format(format, "postgresql", jdbcUrl("{" + databases + "}"), layout.logFile("postgres")));
        table.append(String.format(format, "kafka", kafkaBootstrapServers() + " (controller " + ports.kafkaController()
                + ")", layout.logFile("kafka")));
        for (Service service : Service.values()) {
            if (!services.contains(service)) {
                table.append(String.format(format, service.module(), baseUri(service), "not started by the stack"));
                continue;
            }
            for (Replica replica : replicas(service)) {
                String address = "http://localhost:" + replica.port();
                if (service == Service.GATEWAY) {
                    address += "  ws://localhost:" + replica.port() + "/ws";
                }
                table.append(String.format(format, replica.name(), address, layout.logFile(replica.name())));
            }
        }
        table.append(String.format("  PostgreSQL user %s / %s, admin login %s / %s, token issuer %s, JWKS %s%n",
                PostgresServer.USER, PostgresServer.PASSWORD, ADMIN_USERNAME, ADMIN_PASSWORD, TOKEN_ISSUER,
                jwksUri()));
        return table.toString();
    }

    /** Stops the services (gateway first, auth last), then Kafka, then PostgreSQL. Safe to call more than once. */
    @Override
    public void close() {
        List<AutoCloseable> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(running);
            running.clear();
        }
        if (!toStop.isEmpty()) {
            StackLog.info("Stopping the local stack");
        }
        for (AutoCloseable component : toStop) {
            try {
                component.close();
            } catch (Exception e) {
                StackLog.warn("%s did not stop cleanly: %s", component, e);
            }
        }
        if (!toStop.isEmpty()) {
            StackLog.info("Local stack stopped");
        }
    }

    private ServiceProcess startService(Replica replica) {
        ServiceProcess process = register(new ServiceProcess(replica, layout.serviceJar(replica.service()),
                configuration(replica), serviceJvmOptions, layout.logFile(replica.name()),
                layout.runDir().resolve(replica.name() + ".pid"), marker));
        processes.put(replica, process);
        process.start();
        return process;
    }

    /** A replica's configuration: only Quarkus' own keys, as the shared contract says. */
    private Map<String, String> configuration(Replica replica) {
        Service service = replica.service();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(replica.port()));
        service.database().ifPresent(database -> {
            config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        });
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("mp.jwt.verify.issuer", TOKEN_ISSUER);
        // read by Quarkus before any application code: the platform's request guard checks targets instead
        config.put("vertx.disableURIValidation", "true");
        if (service != Service.GATEWAY) {
            config.put("quarkus.http.cors.origins", String.join(",", corsOrigins));
        } else {
            // the owning services' access checks for room: and booking: subscriptions
            config.put("quarkus.rest-client.chat-access.url", baseUri(Service.CHAT).toString());
            config.put("quarkus.rest-client.booking-access.url", baseUri(Service.BOOKING).toString());
        }
        if (service == Service.AUTH) {
            // auth-service verifies tokens against its own key table, not over HTTP against itself
            config.put("auth.bootstrap-admin.username", ADMIN_USERNAME);
            config.put("auth.bootstrap-admin.password", ADMIN_PASSWORD);
        } else {
            config.put("mp.jwt.verify.publickey.location", jwksUri().toString());
        }
        config.putAll(extraProperties.getOrDefault(service, Map.of()));
        return config;
    }

    private URI jwksUri() {
        return baseUri(Service.AUTH).resolve("/.well-known/jwks.json");
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Registers a component to stop on close; refuses once closing has begun (a Ctrl-C during start). */
    private synchronized <T extends AutoCloseable> T register(T component) {
        if (closed) {
            throw new IllegalStateException("the stack is stopping");
        }
        running.push(component);
        return component;
    }

    private void prepareWorkDir() {
        try {
            Files.createDirectories(layout.workDir());
            stopLeftovers();
            if (clean) {
                StackLog.info("Deleting the data and logs of earlier runs in %s", layout.workDir());
                layout.deleteDataAndLogs();
            }
            Files.createDirectories(layout.logsDir());
            Files.createDirectories(layout.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the work dir " + layout.workDir(), e);
        }
    }

    /** Children left running by a launcher that was killed with SIGKILL: stop them before taking their ports. */
    private void stopLeftovers() throws IOException {
        if (Files.isDirectory(layout.runDir())) {
            try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(layout.runDir(), "*.pid")) {
                for (Path pidFile : pidFiles) {
                    ManagedProcess.stopLeftover(pidFile, marker);
                }
            }
        }
        PostgresServer.stopLeftoverPostmaster(layout.postgresDir().resolve("data"));
    }

    private void checkPackaged() {
        List<String> missing = services.stream()
                .filter(service -> !Files.isRegularFile(layout.serviceJar(service)))
                .map(Service::module)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not packaged yet: " + String.join(", ", missing) + " (no "
                    + "target/quarkus-app/quarkus-run.jar); build with ./mvnw -DskipTests package, or run ./run-stack.sh");
        }
    }

    private void checkPortsFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("postgresql", ports.postgres());
        wanted.put("kafka", ports.kafka());
        wanted.put("kafka controller", ports.kafkaController());
        for (Service service : services) {
            replicas(service).forEach(replica -> wanted.put(replica.name(), replica.port()));
        }
        List<String> busy = new ArrayList<>();
        wanted.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                busy.add(port + " (" + name + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + "; is another stack running? Stop it, or choose other ports");
        }
    }
}
