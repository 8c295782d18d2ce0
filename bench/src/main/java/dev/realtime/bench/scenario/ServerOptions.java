package dev.realtime.bench.scenario;

import java.util.List;

import dev.realtime.bench.server.Target;
import picocli.CommandLine.Option;

/** Which servers a fan-out scenario runs against and how they are started. */
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
}
