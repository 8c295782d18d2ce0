package dev.realtime.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.zip.DataFormatException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;

/**
 * The client processes of a run: connection {@code i} is in room {@code rooms[i]}; the connections are dealt out
 * in contiguous slices of at most {@code perProcess}, one {@link ClientWorker} JVM per slice, each on its own
 * loopback source address.
 */
public final class WorkerPool implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER = Duration.ofSeconds(60);

    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private final List<Integer> opened = new ArrayList<>();
    private final ExecutorService parallel;
    private final int total;

    /** What all processes received of one step. */
    public record StepTotals(long unique, long duplicates, long misrouted, long firstReceiptMicros,
            long lastReceiptMicros, Histogram latencyMicros) {
    }

    /** What all processes report after a run. */
    public record Totals(int open, Map<String, Long> closedByServer, long framesWithoutMarker, List<StepTotals> steps) {
    }

    /** What a {@link #connect(int)} achieved. */
    public record Connected(int ok, int failed, String firstError) {
    }

    private WorkerPool(int total) {
        this.total = total;
        this.parallel = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "worker-pool");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the client processes (without connecting).
     *
     * @param rooms      the room of each connection
     * @param tokens     the token of each room
     * @param dir        where the spec files, the classpath file and the processes' logs go
     * @param jvmOptions of each client JVM
     */
    public static WorkerPool start(WireProtocol protocol, URI server, int[] rooms, Map<Integer, String> tokens,
            int perProcess, List<String> jvmOptions, int eventLoops, Path dir) {
        WorkerPool pool = new WorkerPool(rooms.length);
        try {
            Files.createDirectories(dir);
            Path argFile = dir.resolve("client-classpath.args");
            Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
            int processes = Math.max(1, (rooms.length + perProcess - 1) / perProcess);
            List<Future<WorkerProcess>> starting = new ArrayList<>();
            for (int w = 0; w < processes; w++) {
                int from = (int) ((long) rooms.length * w / processes);
                int to = (int) ((long) rooms.length * (w + 1) / processes);
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("protocol", protocol.name());
                spec.put("uri", server.toString());
                spec.put("localAddress", "127.0.0." + (11 + w));
                Map<String, String> own = new TreeMap<>();
                List<Integer> slice = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    slice.add(rooms[i]);
                    own.put(Integer.toString(rooms[i]), tokens.get(rooms[i]));
                }
                spec.put("tokens", own);
                spec.put("rooms", slice);
                Path specFile = dir.resolve("client-" + (w + 1) + ".json");
                Files.writeString(specFile, JSON.writeValueAsString(spec));
                String name = "client-" + (w + 1);
                Path log = dir.resolve(name + ".log");
                starting.add(pool.parallel.submit(() -> WorkerProcess.start(name, jvmOptions, argFile, specFile,
                        eventLoops, log)));
                pool.sizes.add(to - from);
                pool.opened.add(0);
            }
            for (Future<WorkerProcess> worker : starting) {
                pool.workers.add(worker.get());
            }
            return pool;
        } catch (IOException e) {
            pool.close();
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            pool.close();
            throw new IllegalStateException("cannot start the client processes", e);
        }
    }

    public int processes() {
        return workers.size();
    }

    public List<Long> pids() {
        return workers.stream().map(WorkerProcess::pid).toList();
    }

    /** Opens connections until {@code target} of them are open in all, spread over the processes by their share. */
    public Connected connect(int target) {
        int goal = Math.min(target, total);
        List<Integer> counts = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            int share = (int) Math.round((double) goal * sizes.get(w) / total);
            counts.add(Math.max(0, Math.min(sizes.get(w), share) - opened.get(w)));
        }
        List<JsonNode> answers = each(w -> counts.get(w) == 0 ? null
                : workers.get(w).ask("connect " + counts.get(w), "connected", Duration.ofMinutes(6)));
        int ok = 0;
        int failed = 0;
        String error = null;
        for (int w = 0; w < answers.size(); w++) {
            JsonNode answer = answers.get(w);
            if (answer == null) {
                continue;
            }
            opened.set(w, opened.get(w) + counts.get(w));
            ok += answer.get("ok").asInt();
            failed += answer.get("failed").asInt();
            if (error == null && !answer.get("error").isNull()) {
                error = answer.get("error").asText();
            }
        }
        return new Connected(ok, failed, error);
    }

    /** Unique deliveries of each step so far, over all processes: cheap, for waiting until a step has drained. */
    public long[] progress() {
        long[] unique = new long[ClientWorker.MAX_STEPS];
        for (JsonNode answer : each(w -> workers.get(w).ask("progress", "progress", ANSWER))) {
            JsonNode steps = answer.get("unique");
            for (int i = 0; i < unique.length; i++) {
                unique[i] += steps.get(i).asLong();
            }
        }
        return unique;
    }

    /** Everything the processes counted, merged. */
    public Totals report() {
        List<JsonNode> answers = each(w -> workers.get(w).ask("report", "report", ANSWER));
        int open = 0;
        long withoutMarker = 0;
        Map<String, Long> closed = new TreeMap<>();
        List<StepTotals> steps = new ArrayList<>();
        for (int i = 0; i < ClientWorker.MAX_STEPS; i++) {
            long unique = 0;
            long duplicates = 0;
            long misrouted = 0;
            long first = Long.MAX_VALUE;
            long last = 0;
            Histogram latency = new Histogram(3);
            for (JsonNode answer : answers) {
                JsonNode step = answer.get("steps").get(i);
                unique += step.get("unique").asLong();
                duplicates += step.get("duplicates").asLong();
                misrouted += step.get("misrouted").asLong();
                if (step.get("unique").asLong() > 0) {
                    first = Math.min(first, step.get("firstReceiptMicros").asLong());
                }
                last = Math.max(last, step.get("lastReceiptMicros").asLong());
                latency.add(decode(step.get("latency").asText()));
            }
            steps.add(new StepTotals(unique, duplicates, misrouted, first == Long.MAX_VALUE ? 0 : first, last,
                    latency));
        }
        for (JsonNode answer : answers) {
            open += answer.get("open").asInt();
            withoutMarker += answer.get("framesWithoutMarker").asLong();
            answer.get("closedByServer").fields().forEachRemaining(e -> closed.merge(e.getKey(), e.getValue().asLong(),
                    Long::sum));
        }
        return new Totals(open, closed, withoutMarker, steps);
    }

    private <T> List<T> each(Function<Integer, T> call) {
        List<Future<T>> futures = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            int index = w;
            futures.add(parallel.submit(() -> call.apply(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException("a client process failed", e.getCause() != null ? e.getCause() : e);
            }
        }
        return results;
    }

    private static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a client sent an unreadable histogram", e);
        }
    }

    @Override
    public void close() {
        List<Future<?>> closing = new ArrayList<>();
        for (WorkerProcess worker : workers) {
            closing.add(parallel.submit(worker::close));
        }
        for (Future<?> future : closing) {
            try {
                future.get();
            } catch (Exception e) {
                // closing is best effort: a stuck client process is killed by its close
            }
        }
        parallel.shutdownNow();
    }
}
