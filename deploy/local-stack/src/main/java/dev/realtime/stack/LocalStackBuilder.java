package dev.realtime.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** How to build a stack; every setting has the command line launcher's default. */
public final class LocalStackBuilder {

    Path repoRoot;
    Path workDir;
    StackPorts ports = StackPorts.defaults();
    Duration readyTimeout = Duration.ofMinutes(3);
    final List<String> serviceJvmOptions = new ArrayList<>(List.of("-Xmx384m"));
    final List<String> corsOrigins = new ArrayList<>(LocalStack.DEV_ORIGINS);
    final Map<Service, Map<String, String>> extraProperties = new EnumMap<>(Service.class);
    boolean clean;
    final Set<Service> services = EnumSet.allOf(Service.class);
    final Map<Service, Integer> replicaCounts = new EnumMap<>(Service.class);

    LocalStackBuilder() {
    }

    /**
     * Leaves services out, for example one a developer runs in Quarkus dev mode on its contract port against
     * the stack's PostgreSQL and Kafka.
     */
    public LocalStackBuilder without(Collection<Service> left) {
        services.removeAll(left);
        return this;
    }

    /**
     * How many replicas of a service to run (1 by default): the first on the service's port, the others on
     * {@link StackPorts#spare() spare ports}.
     */
    public LocalStackBuilder replicas(Service service, int count) {
        if (count < 1) {
            throw new IllegalArgumentException(service.module() + " needs at least one replica, not " + count);
        }
        replicaCounts.put(service, count);
        return this;
    }

    /** The source tree holding the packaged services; found by {@link RepoRoot#locate()} by default. */
    public LocalStackBuilder repoRoot(Path repoRoot) {
        this.repoRoot = repoRoot;
        return this;
    }

    /** Where data, logs and pid files go; {@code .local-stack/} at the repository root by default. */
    public LocalStackBuilder workDir(Path workDir) {
        this.workDir = workDir;
        return this;
    }

    /** The contract's ports by default; {@link StackPorts#free()} for tests. */
    public LocalStackBuilder ports(StackPorts ports) {
        this.ports = Objects.requireNonNull(ports);
        return this;
    }

    /** How long Kafka and each service may take to become ready; 3 minutes by default (slow machines). */
    public LocalStackBuilder readyTimeout(Duration readyTimeout) {
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("the ready timeout must be positive");
        }
        this.readyTimeout = readyTimeout;
        return this;
    }

    /** Replaces the JVM options of every service ({@code -Xmx384m} by default). */
    /** Browser origins the REST services grant CORS to, besides {@link LocalStack#DEV_ORIGINS}. */
    public LocalStackBuilder allowOrigins(List<String> origins) {
        corsOrigins.addAll(origins);
        return this;
    }

    public LocalStackBuilder serviceJvmOptions(List<String> options) {
        serviceJvmOptions.clear();
        serviceJvmOptions.addAll(options);
        return this;
    }

    /** One more configuration property for a service, overriding the stack's own. */
    public LocalStackBuilder serviceProperty(Service service, String key, String value) {
        extraProperties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** Deletes the databases, Kafka's data and the logs of earlier runs before starting. */
    public LocalStackBuilder clean(boolean clean) {
        this.clean = clean;
        return this;
    }

    public LocalStack build() {
        return new LocalStack(this);
    }
}
