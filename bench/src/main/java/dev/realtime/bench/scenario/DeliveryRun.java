package dev.realtime.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.realtime.bench.client.WorkerPool;
import dev.realtime.bench.load.EventPayload;
import dev.realtime.bench.load.PacedProducer;
import dev.realtime.bench.measure.Latency;
import dev.realtime.bench.measure.ProcStats;
import dev.realtime.bench.report.Figures;
import dev.realtime.bench.server.BenchStack;
import dev.realtime.bench.server.TargetServer;

/**
 * One run of fan-out against one server: the client processes connect, then each step produces events at a rate
 * and waits until every delivery of the step has arrived (or nothing more arrives for a while), and reports what
 * it measured. Fan-out and overload are sequences of steps.
 */
final class DeliveryRun implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final TargetServer server;
    private final BenchStack stack;
    private final WorkerPool pool;
    private final PacedProducer producer;
    private final int[] members;
    private final int roomSize;
    private final int connected;
    private final long selfPid = ProcessHandle.current().pid();

    private DeliveryRun(TargetServer server, BenchStack stack, WorkerPool pool, PacedProducer producer, int[] members,
            int roomSize, int connected) {
        this.server = server;
        this.stack = stack;
        this.pool = pool;
        this.producer = producer;
        this.members = members;
        this.roomSize = roomSize;
        this.connected = connected;
    }

    /** Starts the client processes and opens every connection; fails if fewer than all could connect. */
    static DeliveryRun open(TargetServer server, BenchStack stack, DeliveryOptions options, Path workDir) {
        int rooms = (options.connections + options.roomSize - 1) / options.roomSize;
        int[] roomOf = new int[options.connections];
        int[] members = new int[rooms];
        for (int i = 0; i < options.connections; i++) {
            roomOf[i] = i / options.roomSize;
            members[roomOf[i]]++;
        }
        Map<Integer, String> tokens = new HashMap<>();
        for (int r = 0; r < rooms; r++) {
            tokens.put(r, stack.tokens().token("bench-user-" + r, List.of(PacedProducer.roomGroup(r)),
                    Duration.ofDays(1)));
        }
        WorkerPool pool = WorkerPool.start(server.protocol(), server.socketUri(), roomOf, tokens,
                options.perProcess, options.clientJvmOptions(), options.clientEventLoops, workDir);
        try {
            WorkerPool.Connected connected = pool.connect(options.connections);
            if (connected.ok() < options.connections) {
                throw new IllegalStateException(connected.ok() + " of " + options.connections
                        + " connections opened to " + server.target().label() + "; first error: "
                        + connected.firstError());
            }
            PacedProducer producer = new PacedProducer(stack.kafkaBootstrapServers(), BenchStack.TOPIC, rooms,
                    options.eventBytes);
            return new DeliveryRun(server, stack, pool, producer, members, options.roomSize, connected.ok());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    int clientProcesses() {
        return pool.processes();
    }

    /** One step of a sequence: a label, a rate in deliveries per second and how long to produce at it. */
    record Plan(int step, String label, double deliveriesPerSecond, Duration duration) {
    }

    /** {@link #sequence} of one step. */
    Figures step(int step, String label, double deliveriesPerSecond, Duration duration, Duration quiet,
            Duration drainLimit) {
        return sequence(List.of(new Plan(step, label, deliveriesPerSecond, duration)), quiet, drainLimit).get(0);
    }

    /**
     * Produces each step's rate (events per second times the room size) for its duration, one right after the
     * other, then waits for the deliveries: until all have arrived, nothing new arrived for {@code quiet}, or
     * {@code drainLimit} passed since the production ended. Latency and loss are per step; CPU and memory are over
     * the whole sequence, whose window ends at the last poll that saw new deliveries.
     */
    List<Figures> sequence(List<Plan> plans, Duration quiet, Duration drainLimit) {
        AtomicLong peakRss = new AtomicLong(ProcStats.rssBytes(server.pid()));
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(ProcStats.rssBytes(server.pid()), Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();

        Window start = window();
        long[] startMicros = new long[plans.size()];
        long[] producedNanos = new long[plans.size()];
        long[] producedMicros = new long[plans.size()];
        long[] expected = new long[plans.size()];
        long[] events = new long[plans.size()];
        long previousEnd = start.nanos;
        for (int p = 0; p < plans.size(); p++) {
            Plan plan = plans.get(p);
            startMicros[p] = EventPayload.nowMicros();
            long[] produced = producer.run(plan.step(), plan.deliveriesPerSecond() / roomSize, plan.duration());
            producedNanos[p] = System.nanoTime() - previousEnd;
            previousEnd = System.nanoTime();
            producedMicros[p] = EventPayload.nowMicros();
            for (int r = 0; r < produced.length; r++) {
                expected[p] += produced[r] * members[r];
                events[p] += produced[r];
            }
        }
        long expectedAll = java.util.Arrays.stream(expected).sum();

        long lastUnique = -1;
        long lastChange = System.nanoTime();
        Window end = window();
        long drainDeadline = System.nanoTime() + drainLimit.toNanos();
        while (true) {
            long[] progress = pool.progress();
            long unique = plans.stream().mapToLong(plan -> progress[plan.step()]).sum();
            long now = System.nanoTime();
            if (unique != lastUnique) {
                lastUnique = unique;
                lastChange = now;
                end = window();
            }
            if (unique >= expectedAll || now - lastChange > quiet.toNanos() || now > drainDeadline) {
                break;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        sampler.interrupt();

        WorkerPool.Totals totals = pool.report();
        double windowSeconds = (end.nanos - start.nanos) / 1e9;
        ProcStats.Cpu serverCpu = end.server.minus(start.server);
        ProcStats.Cpu loadCpu = end.clients.minus(start.clients).plus(end.self.minus(start.self));
        ProcStats.Cpu kafkaCpu = end.kafka.minus(start.kafka);
        long deliveredAll = plans.stream().mapToLong(plan -> totals.steps().get(plan.step()).unique()).sum();
        List<Figures> results = new java.util.ArrayList<>();
        for (int p = 0; p < plans.size(); p++) {
            WorkerPool.StepTotals got = totals.steps().get(plans.get(p).step());
            Latency latency = Latency.of(got.latencyMicros());
            double producingSeconds = producedNanos[p] / 1e9;
            double deliverySeconds = got.lastReceiptMicros() > startMicros[p]
                    ? (got.lastReceiptMicros() - startMicros[p]) / 1e6 : producingSeconds;
            long delivered = got.unique();
            results.add(new Figures()
                    .with("step", plans.get(p).label())
                    .with("connections", connected)
                    .with("offered deliveries/s", Figures.round(expected[p] / producingSeconds))
                    .with("events/s", Figures.round(events[p] / producingSeconds))
                    .with("delivered/s", Figures.round(delivered / deliverySeconds))
                    .with("expected", expected[p])
                    .with("delivered", delivered)
                    .with("lost", Math.max(0, expected[p] - delivered))
                    .with("duplicates", got.duplicates())
                    .with("misrouted", got.misrouted())
                    .with("p50 ms", latency.p50Ms())
                    .with("p99 ms", latency.p99Ms())
                    .with("p99.9 ms", latency.p999Ms())
                    .with("max ms", latency.maxMs())
                    .with("server CPU µs/delivery", perDelivery(serverCpu.totalMicros(), deliveredAll))
                    .with("server CPU µs/delivery, no JIT", perDelivery(serverCpu.withoutJitMicros(), deliveredAll))
                    .with("server CPU % of a core", Figures.round(100 * serverCpu.totalMicros() / 1e6 / windowSeconds))
                    .with("load generator CPU % of a core",
                            Figures.round(100 * loadCpu.totalMicros() / 1e6 / windowSeconds))
                    .with("load generator CPU µs/delivery", perDelivery(loadCpu.totalMicros(), deliveredAll))
                    .with("Kafka CPU % of a core", Figures.round(100 * kafkaCpu.totalMicros() / 1e6 / windowSeconds))
                    .with("server peak RSS MB", Figures.round(peakRss.get() / 1048576.0))
                    .with("catch-up ms", Figures.round(Math.max(0, got.lastReceiptMicros() - producedMicros[p])
                            / 1000.0))
                    .with("clients open", totals.open())
                    .with("closed by server", totals.closedByServer()));
        }
        return results;
    }

    /** CPU of every process that matters, at one moment. */
    private record Window(long nanos, ProcStats.Cpu server, ProcStats.Cpu clients, ProcStats.Cpu self,
            ProcStats.Cpu kafka) {
    }

    private Window window() {
        return new Window(System.nanoTime(), ProcStats.cpu(server.pid()), ProcStats.cpu(pool.pids()),
                ProcStats.cpu(selfPid), ProcStats.cpu(stack.kafkaPid()));
    }

    private static double perDelivery(double micros, long delivered) {
        return delivered == 0 ? Double.NaN : Figures.round(micros / delivered);
    }

    @Override
    public void close() {
        producer.close();
        pool.close();
    }
}
