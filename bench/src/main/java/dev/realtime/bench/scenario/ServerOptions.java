package dev.realtime.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.realtime.bench.target.Target;
import dev.realtime.stack.RepoRoot;
import picocli.CommandLine.Option;

/** Which servers a scenario runs against, how they are started and where the results go. */
final class ServerOptions {

    @Option(names = "--target", paramLabel = "<list>", defaultValue = "gateway",
            description = "gateway, node, or gateway,node: the same run against each, alternating (default: ${DEFAULT-VALUE})")
    String targets;

    @Option(names = "--rounds", paramLabel = "<n>", defaultValue = "1",
            description = "runs per target; the summary gives the median of each figure (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--gateway-jvm", paramLabel = "<flags>", defaultValue = "-Xmx512m -XX:+UseSerialGC",
            description = "the gateway's JVM options, what a pod would ship (default: ${DEFAULT-VALUE})")
    String gatewayJvm;

    @Option(names = "--partitions", paramLabel = "<n>", defaultValue = "4",
            description = "partitions of the benchmark topic bench.events (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--ready-timeout", paramLabel = "<secs>", defaultValue = "180",
            description = "how long Kafka and each server may take to start (default: ${DEFAULT-VALUE})")
    long readyTimeoutSeconds;

    @Option(names = "--results", paramLabel = "<dir>",
            description = "parent of the results directory (default: bench/results)")
    Path results;

    List<Target> targetList() {
        return Target.parse(targets);
    }

    /**
     * The gateway's JVM options and, always, one for the measurement: HotSpot otherwise starts and ends compiler
     * threads as it sees fit, and the CPU of an ended thread can no longer be told apart from the rest.
     */
    List<String> gatewayJvmOptions() {
        List<String> options = new java.util.ArrayList<>(DeliveryOptions.split(gatewayJvm));
        options.add("-XX:-UseDynamicNumberOfCompilerThreads");
        return options;
    }

    Duration readyTimeout() {
        return Duration.ofSeconds(readyTimeoutSeconds);
    }

    Path resultsParent() {
        return results != null ? results : RepoRoot.locate().resolve("bench").resolve("results");
    }
}
