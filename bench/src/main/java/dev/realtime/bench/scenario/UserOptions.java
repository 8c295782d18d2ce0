package dev.realtime.bench.scenario;

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

}
