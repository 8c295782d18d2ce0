package dev.realtime.bench;

import dev.realtime.bench.scenario.FanoutCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./bench/run <scenario> [options]}: one command per scenario; {@code --help} on each lists its options. */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = "Benchmarks of the gateway (and a Node Socket.IO server beside it) against a real Kafka broker.",
        subcommands = { FanoutCommand.class })
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a scenario in this JVM and returns its exit code (the tests call this). */
    public static int run(String... args) {
        return new CommandLine(new BenchMain()).execute(args);
    }
}
