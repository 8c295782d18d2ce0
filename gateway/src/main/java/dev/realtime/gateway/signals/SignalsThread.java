package dev.realtime.gateway.signals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The one thread that owns the typing and presence state: signals from Kafka, changes from the event loops, the
 * timers (typing expiry, heartbeats, presence expiry) and the queries all run here in turn, so that state is
 * plain maps with no lock, and no event loop ever waits for it (a query's answer is a stage).
 */
@ApplicationScoped
public class SignalsThread {

    private static final Logger LOG = Logger.getLogger(SignalsThread.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gateway-signals");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs a task here after those queued before it; dropped once the gateway is stopping. */
    public void execute(Runnable task) {
        try {
            executor.execute(() -> run(task));
        } catch (RejectedExecutionException e) {
            LOG.debugf("Signals thread stopped, task dropped: %s", e.getMessage());
        }
    }

    /** Computes a value here; the stage completes on this thread. */
    public <T> CompletionStage<T> call(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Runs a task here every {@code period}; a failing run is logged and the next one runs all the same. */
    public void every(Duration period, Runnable task) {
        executor.scheduleAtFixedRate(() -> run(task), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Signals task failed");
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
