package dev.realtime.bench.scenario;

import static dev.realtime.bench.scenario.FanoutCommand.seconds;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.realtime.bench.measure.ProcStats;
import dev.realtime.bench.report.Figures;
import dev.realtime.bench.report.ResultDir;
import dev.realtime.bench.server.BenchStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Overload: more than the server can carry for a while, then less, with no pause between. Counts what was lost
 * (it must be nothing: Kafka is the buffer) and which clients the server closed, with which code; reports the peak
 * RSS and how long after the overload ended its last delivery arrived.
 */
@Command(name = "overload", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Offers more deliveries per second than the server can carry, then less; lost deliveries, "
                + "clients closed by the server (by close code), peak RSS, time to catch up.")
public final class OverloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Mixin
    RunOptions run;

    @Mixin
    DeliveryOptions delivery;

    @Option(names = "--overload-rate", paramLabel = "<n>", defaultValue = "200000",
            description = "deliveries per second offered during the overload (default: ${DEFAULT-VALUE})")
    double overloadRate;

    @Option(names = "--overload-duration", paramLabel = "<secs>", defaultValue = "20",
            description = "(default: ${DEFAULT-VALUE})")
    double overloadSeconds;

    @Option(names = "--after-rate", paramLabel = "<n>", defaultValue = "10000",
            description = "deliveries per second offered right after it (default: ${DEFAULT-VALUE})")
    double afterRate;

    @Option(names = "--after-duration", paramLabel = "<secs>", defaultValue = "20",
            description = "(default: ${DEFAULT-VALUE})")
    double afterSeconds;

    @Option(names = "--warmup", paramLabel = "<secs>", defaultValue = "10",
            description = "seconds at the after-rate first, for the JIT; 0 for none (default: ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--quiet", paramLabel = "<secs>", defaultValue = "10",
            description = "the run ends when nothing more has arrived for this long (default: ${DEFAULT-VALUE})")
    double quietSeconds;

    @Option(names = "--drain-limit", paramLabel = "<secs>", defaultValue = "300",
            description = "longest wait for the deliveries after the production ended (default: ${DEFAULT-VALUE})")
    double drainSeconds;

    @Override
    public Integer call() {
        ResultDir dir = ResultDir.create(run.resultsParent(), "overload");
        ScenarioReport report = new ScenarioReport("overload", spec.commandLine().getParseResult().originalArgs());
        TargetRounds rounds = TargetRounds.run(server, run, dir.work(), (target, stack, work) -> {
                try (DeliveryRun load = DeliveryRun.open(target, stack, delivery, work)) {
                    List<Figures> steps = new ArrayList<>();
                    if (warmupSeconds > 0) {
                        steps.add(load.step(0, "warm-up at " + (long) afterRate + "/s", afterRate,
                                seconds(warmupSeconds), seconds(quietSeconds), seconds(drainSeconds)));
                    }
                    List<Figures> loaded = load.sequence(List.of(
                            new DeliveryRun.Plan(1, "overload at " + (long) overloadRate + "/s", overloadRate,
                                    seconds(overloadSeconds)),
                            new DeliveryRun.Plan(2, "then " + (long) afterRate + "/s", afterRate,
                                    seconds(afterSeconds))),
                            seconds(quietSeconds), seconds(drainSeconds));
                    long peak = ProcStats.peakRssBytes(target.pid());
                    loaded.forEach(step -> step.with("server peak RSS since start MB",
                            Figures.round(peak / 1048576.0)));
                    steps.addAll(loaded);
                    return steps;
                }
            });
        report.put("options", Map.of("connections", delivery.connections, "roomSize", delivery.roomSize,
                "overloadRate", overloadRate, "overloadSeconds", overloadSeconds, "afterRate", afterRate,
                "afterSeconds", afterSeconds, "gatewayJvm", server.gatewayJvmOptions())).putAll(rounds.json());
        report.markdown(delivery.connections + " connections in rooms of " + delivery.roomSize + "; "
                + (long) overloadRate + " deliveries/s offered for " + (long) overloadSeconds + " s, then "
                + (long) afterRate + "/s for " + (long) afterSeconds + " s, no pause between. `lost` must be 0; "
                + "`closed by server` counts clients the server closed, by close code; `catch-up ms` is from the "
                + "end of a phase's production to its last delivery. CPU figures cover both phases together.\n\n")
                .markdown(rounds.tables());
        report.write(dir, "Overload");
        return 0;
    }
}
