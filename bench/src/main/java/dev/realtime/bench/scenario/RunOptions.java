package dev.realtime.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;

import dev.realtime.stack.RepoRoot;
import picocli.CommandLine.Option;

/** Options every scenario has: how long its processes may take to start and where its results go. */
final class RunOptions {

    @Option(names = "--ready-timeout", paramLabel = "<secs>", defaultValue = "180",
            description = "how long Kafka and each server or service may take to start (default: ${DEFAULT-VALUE})")
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
