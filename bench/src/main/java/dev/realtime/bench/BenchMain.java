package dev.realtime.bench;

import dev.realtime.bench.scenario.CapacityCommand;
import dev.realtime.bench.scenario.ChatRoundTripCommand;
import dev.realtime.bench.scenario.FanoutCommand;
import dev.realtime.bench.scenario.OverloadCommand;
import dev.realtime.bench.scenario.RestToSocketCommand;
import dev.realtime.bench.scenario.StartupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./bench/run <scenario> [options]}: one command per scenario; {@code --help} on each lists its options. */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = "Benchmarks of the gateway (and a Node Socket.IO server beside it) against a real Kafka broker.",
        subcommands = { FanoutCommand.class, CapacityCommand.class, OverloadCommand.class,
                ChatRoundTripCommand.class, RestToSocketCommand.class, StartupCommand.class })
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a scenario in this JVM and returns its exit code (the tests call this). */
    public static int run(String... args) {
        return new CommandLine(new BenchMain()).execute(args);
    }
}
