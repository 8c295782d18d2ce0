package dev.realtime.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;

import dev.realtime.stack.RepoRoot;
import picocli.CommandLine.Option;

/** Options of the scenarios that run the services themselves (chat round trip, REST to socket). */
final class UserOptions {

    @Option(names = "--rate", paramLabel = "<n>", defaultValue = "20",
            description = "operations per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--duration", paramLabel = "<secs>", defaultValue = "20",
            description = "seconds of measured load (default: ${DEFAULT-VALUE})")
    double durationSeconds;

    @Option(names = "--warmup", paramLabel = "<secs>", defaultValue = "10",
            description = "seconds of the same load first, not measured; 0 for none (default: ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--wait", paramLabel = "<secs>", defaultValue = "10",
            description = "how long to wait for the last events after the load (default: ${DEFAULT-VALUE})")
    double waitSeconds;

    @Option(names = "--ready-timeout", paramLabel = "<secs>", defaultValue = "180",
            description = "how long Kafka and each service may take to start (default: ${DEFAULT-VALUE})")
    long readyTimeoutSeconds;

    @Option(names = "--results", paramLabel = "<dir>",
            description = "parent of the results directory (default: bench/results)")
    Path results;

    Duration readyTimeout() {
        return Duration.ofSeconds(readyTimeoutSeconds);
    }

    Path resultsParent() {
        return results != null ? results : RepoRoot.locate().resolve("bench").resolve("results");
    }
}
