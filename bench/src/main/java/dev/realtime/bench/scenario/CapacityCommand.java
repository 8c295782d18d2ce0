package dev.realtime.bench.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.realtime.bench.client.WorkerPool;
import dev.realtime.bench.measure.ProcStats;
import dev.realtime.bench.report.Figures;
import dev.realtime.bench.report.ResultDir;
import dev.realtime.bench.server.BenchStack;
import dev.realtime.bench.server.TargetServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Capacity: what an idle authenticated connection costs the server. Opens connections level by level and, at each
 * level and with none, measures the RSS and the live heap after a full collection; the cost per connection is the
 * growth over the empty server divided by the connections.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true, sortOptions = false,
        description = "RSS and live heap (after a full GC) per idle authenticated connection at each level.")
public final class CapacityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Mixin
    RunOptions run;

    @Mixin
    DeliveryOptions delivery;

    @Option(names = "--levels", paramLabel = "<list>", split = ",", defaultValue = "1000,10000,19000",
            description = "connection counts to measure at, rising (default: ${DEFAULT-VALUE})")
    List<Integer> levels;

    @Option(names = "--settle", paramLabel = "<secs>", defaultValue = "5",
            description = "wait after the connections opened, before measuring (default: ${DEFAULT-VALUE})")
    double settleSeconds;

    @Override
    public Integer call() throws Exception {
        ResultDir dir = ResultDir.create(run.resultsParent(), "capacity");
        ScenarioReport report = new ScenarioReport("capacity", spec.commandLine().getParseResult().originalArgs());
        int max = levels.stream().mapToInt(Integer::intValue).max().orElse(0);
        delivery.connections = max;
        TargetRounds rounds = TargetRounds.run(server, run, dir.work(),
                (target, stack, work) -> measure(target, stack, work));
        report.put("options", Map.of("levels", levels, "gatewayJvm", server.gatewayJvmOptions(),
                "settleSeconds", settleSeconds)).putAll(rounds.json());
        report.markdown("Idle authenticated connections (each in one room); RSS from /proc, live heap after a full "
                + "GC (jcmd GC.run + GC.heap_info for the JVM, global.gc() and heapUsed for Node). Per connection: "
                + "(figure at the level - figure with no connection) / level. Gateway JVM: `"
                + String.join(" ", server.gatewayJvmOptions()) + "`.\n\n").markdown(rounds.tables());
        report.write(dir, "Capacity");
        return 0;
    }

    private List<Figures> measure(TargetServer target, BenchStack stack, java.nio.file.Path work) {
        int max = delivery.connections;
        int[] roomOf = new int[max];
        Map<Integer, String> tokens = new java.util.HashMap<>();
        for (int i = 0; i < max; i++) {
            roomOf[i] = i / delivery.roomSize;
            tokens.computeIfAbsent(roomOf[i], r -> stack.tokens().token("bench-user-" + r,
                    List.of(dev.realtime.bench.load.PacedProducer.roomGroup(r)), java.time.Duration.ofDays(1)));
        }
        List<Figures> steps = new ArrayList<>();
        try (WorkerPool pool = WorkerPool.start(target.protocol(), target.socketUri(), roomOf, tokens,
                delivery.perProcess, delivery.clientJvmOptions(), delivery.clientEventLoops, work)) {
            settle();
            long heap0 = target.liveHeapBytes();
            long rss0 = ProcStats.rssBytes(target.pid());
            steps.add(figures("no connection", 0, rss0, heap0, rss0, heap0, 0));
            for (int level : levels) {
                WorkerPool.Connected connected = pool.connect(level);
                settle();
                long heap = target.liveHeapBytes();
                long rss = ProcStats.rssBytes(target.pid());
                int open = pool.report().open();
                steps.add(figures(level + " connections", open, rss, heap, rss0, heap0, connected.failed()));
            }
        }
        return steps;
    }

    private static Figures figures(String label, int open, long rss, long heap, long rss0, long heap0, int failed) {
        return new Figures()
                .with("step", label)
                .with("connections open", open)
                .with("connections failed", failed)
                .with("RSS MB", Figures.round(rss / 1048576.0))
                .with("live heap MB", Figures.round(heap / 1048576.0))
                .with("RSS KB per connection", open == 0 ? Double.NaN : Figures.round((rss - rss0) / 1024.0 / open))
                .with("live heap KB per connection", open == 0 ? Double.NaN
                        : Figures.round((heap - heap0) / 1024.0 / open));
    }

    private void settle() {
        try {
            TimeUnit.MILLISECONDS.sleep((long) (settleSeconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
