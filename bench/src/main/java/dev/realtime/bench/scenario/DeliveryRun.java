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
import dev.realtime.bench.target.BenchStack;
import dev.realtime.bench.target.TargetServer;

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

    /**
     * Produces at {@code deliveriesPerSecond} (events per second times the room size) for {@code duration}, then
     * waits for the step's deliveries: until all have arrived, nothing new arrived for {@code quiet}, or
     * {@code drainLimit} passed.
     */
    Figures step(int step, String label, double deliveriesPerSecond, Duration duration, Duration quiet,
            Duration drainLimit) {
        double eventsPerSecond = deliveriesPerSecond / roomSize;
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

        ProcStats.Cpu serverStart = ProcStats.cpu(server.pid());
        ProcStats.Cpu clientsStart = ProcStats.cpu(pool.pids());
        ProcStats.Cpu selfStart = ProcStats.cpu(selfPid);
        ProcStats.Cpu kafkaStart = ProcStats.cpu(stack.kafkaPid());
        long startNanos = System.nanoTime();
        long startMicros = EventPayload.nowMicros();
        long[] produced = producer.run(step, eventsPerSecond, duration);
        long producedNanos = System.nanoTime();
        long producedMicros = EventPayload.nowMicros();
        long expected = 0;
        long events = 0;
        for (int r = 0; r < produced.length; r++) {
            expected += produced[r] * members[r];
            events += produced[r];
        }

        // wait for the deliveries; the CPU window ends at the last poll that saw new deliveries
        long lastUnique = -1;
        long lastChange = System.nanoTime();
        ProcStats.Cpu serverEnd = ProcStats.cpu(server.pid());
        ProcStats.Cpu clientsEnd = ProcStats.cpu(pool.pids());
        ProcStats.Cpu selfEnd = ProcStats.cpu(selfPid);
        ProcStats.Cpu kafkaEnd = ProcStats.cpu(stack.kafkaPid());
        long endNanos = System.nanoTime();
        long drainDeadline = producedNanos + drainLimit.toNanos();
        while (true) {
            long unique = pool.progress()[step];
            long now = System.nanoTime();
            if (unique != lastUnique) {
                lastUnique = unique;
                lastChange = now;
                serverEnd = ProcStats.cpu(server.pid());
                clientsEnd = ProcStats.cpu(pool.pids());
                selfEnd = ProcStats.cpu(selfPid);
                kafkaEnd = ProcStats.cpu(stack.kafkaPid());
                endNanos = now;
            }
            if (unique >= expected || now - lastChange > quiet.toNanos() || now > drainDeadline) {
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
        WorkerPool.StepTotals got = totals.steps().get(step);
        Latency latency = Latency.of(got.latencyMicros());
        double windowSeconds = (endNanos - startNanos) / 1e9;
        double deliverySeconds = got.lastReceiptMicros() > startMicros
                ? (got.lastReceiptMicros() - startMicros) / 1e6 : windowSeconds;
        ProcStats.Cpu serverCpu = serverEnd.minus(serverStart);
        ProcStats.Cpu loadCpu = clientsEnd.minus(clientsStart).plus(selfEnd.minus(selfStart));
        ProcStats.Cpu kafkaCpu = kafkaEnd.minus(kafkaStart);
        long delivered = got.unique();
        return new Figures()
                .with("step", label)
                .with("connections", connected)
                .with("offered deliveries/s", Figures.round(expected / ((producedNanos - startNanos) / 1e9)))
                .with("events/s", Figures.round(events / ((producedNanos - startNanos) / 1e9)))
                .with("delivered/s", Figures.round(delivered / deliverySeconds))
                .with("expected", expected)
                .with("delivered", delivered)
                .with("lost", Math.max(0, expected - delivered))
                .with("duplicates", got.duplicates())
                .with("misrouted", got.misrouted())
                .with("p50 ms", latency.p50Ms())
                .with("p99 ms", latency.p99Ms())
                .with("p99.9 ms", latency.p999Ms())
                .with("max ms", latency.maxMs())
                .with("server CPU µs/delivery", perDelivery(serverCpu.totalMicros(), delivered))
                .with("server CPU µs/delivery, no JIT", perDelivery(serverCpu.withoutJitMicros(), delivered))
                .with("server CPU % of a core", Figures.round(100 * serverCpu.totalMicros() / 1e6 / windowSeconds))
                .with("load generator CPU % of a core", Figures.round(100 * loadCpu.totalMicros() / 1e6 / windowSeconds))
                .with("load generator CPU µs/delivery", perDelivery(loadCpu.totalMicros(), delivered))
                .with("Kafka CPU % of a core", Figures.round(100 * kafkaCpu.totalMicros() / 1e6 / windowSeconds))
                .with("server peak RSS MB", Figures.round(peakRss.get() / 1048576.0))
                .with("catch-up ms", Figures.round(Math.max(0, got.lastReceiptMicros() - producedMicros) / 1000.0))
                .with("clients open", totals.open())
                .with("closed by server", totals.closedByServer());
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
