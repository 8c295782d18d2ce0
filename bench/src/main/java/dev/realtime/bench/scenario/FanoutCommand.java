package dev.realtime.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.realtime.bench.report.Figures;
import dev.realtime.bench.report.LatencyPlot;
import dev.realtime.bench.report.ResultDir;
import dev.realtime.bench.server.BenchStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Fan-out: N connections in rooms, events produced into Kafka at set rates; latency, loss and CPU per rate. */
@Command(name = "fanout", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Connections in rooms; events produced into Kafka at each rate; end-to-end latency, lost and "
                + "misrouted deliveries, CPU per delivery of the server, the load generator and Kafka.")
public final class FanoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Mixin
    RunOptions run;

    @Mixin
    DeliveryOptions delivery;

    @Option(names = "--rates", paramLabel = "<list>", split = ",", defaultValue = "10000,50000,100000",
            description = "deliveries per second to offer, one step each: events/s times the room size "
                    + "(default: ${DEFAULT-VALUE})")
    List<Double> rates;

    @Option(names = "--duration", paramLabel = "<secs>", defaultValue = "20",
            description = "seconds of production per rate (default: ${DEFAULT-VALUE})")
    double durationSeconds;

    @Option(names = "--warmup", paramLabel = "<secs>", defaultValue = "20",
            description = "seconds of production before the first rate, for the JIT; reported, not in the "
                    + "plot; 0 for none (default: ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--warmup-rate", paramLabel = "<n>",
            description = "deliveries per second during the warm-up (default: the middle rate)")
    Double warmupRate;

    @Option(names = "--quiet", paramLabel = "<secs>", defaultValue = "5",
            description = "a step ends when nothing more has arrived for this long (default: ${DEFAULT-VALUE})")
    double quietSeconds;

    @Option(names = "--drain-limit", paramLabel = "<secs>", defaultValue = "60",
            description = "longest wait for a step's deliveries after its production ended (default: ${DEFAULT-VALUE})")
    double drainSeconds;

    @Override
    public Integer call() {
        ResultDir dir = ResultDir.create(run.resultsParent(), "fanout");
        ScenarioReport report = new ScenarioReport("fanout", spec.commandLine().getParseResult().originalArgs());
        TargetRounds rounds = TargetRounds.run(server, run, dir.work(), (target, stack, work) -> {
                try (DeliveryRun load = DeliveryRun.open(target, stack, delivery, work)) {
                    List<Figures> steps = new ArrayList<>();
                    if (warmupSeconds > 0) {
                        double rate = warmupRate != null ? warmupRate : rates.get(rates.size() / 2);
                        steps.add(load.step(0, "warm-up at " + (long) rate + "/s", rate, seconds(warmupSeconds),
                                seconds(quietSeconds), seconds(drainSeconds)));
                    }
                    for (int i = 0; i < rates.size(); i++) {
                        steps.add(load.step(i + 1, (long) rates.get(i).doubleValue() + " deliveries/s", rates.get(i),
                                seconds(durationSeconds), seconds(quietSeconds), seconds(drainSeconds)));
                    }
                    return steps;
                }
            });
        report.put("options", options()).putAll(rounds.json());
        report.markdown(delivery.connections + " connections in rooms of " + delivery.roomSize + ", "
                + delivery.eventBytes + "-byte events, " + (long) durationSeconds + " s per rate after a "
                + (long) warmupSeconds + " s warm-up; medians of " + server.rounds + " round(s). Latency is from the "
                + "producer's clock when the event is handed to Kafka to the client's receipt.\n\n");
        report.markdown("![latency against delivered rate](latency.svg)\n\n").markdown(rounds.tables());
        dir.write("latency.svg", LatencyPlot.svg("fan-out: p50 / p99 latency against delivered rate", plotSeries(
                rounds.medians())));
        report.write(dir, "Fan-out");
        return 0;
    }

    private Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("connections", delivery.connections);
        options.put("roomSize", delivery.roomSize);
        options.put("eventBytes", delivery.eventBytes);
        options.put("rates", rates);
        options.put("durationSeconds", durationSeconds);
        options.put("warmupSeconds", warmupSeconds);
        options.put("gatewayJvm", server.gatewayJvmOptions());
        options.put("partitions", server.partitions);
        options.put("rounds", server.rounds);
        options.put("perProcess", delivery.perProcess);
        return options;
    }

    private Map<String, List<LatencyPlot.Point>> plotSeries(Map<String, List<Figures>> medians) {
        Map<String, List<LatencyPlot.Point>> series = new LinkedHashMap<>();
        medians.forEach((target, steps) -> series.put(target, steps.stream()
                .filter(step -> !String.valueOf(step.get("step")).startsWith("warm-up"))
                .map(step -> new LatencyPlot.Point(step.number("delivered/s"), step.number("p50 ms"),
                        step.number("p99 ms")))
                .toList()));
        return series;
    }

    static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
