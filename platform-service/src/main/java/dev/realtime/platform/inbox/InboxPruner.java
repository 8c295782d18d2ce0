package dev.realtime.platform.inbox;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes inbox entries older than the retention, every prune interval. Every replica prunes; the deletes are
 * idempotent, so no coordination is needed.
 */
@ApplicationScoped
public class InboxPruner {

    private static final Logger LOG = Logger.getLogger(InboxPruner.class);

    private final InboxRepository repository;
    private final InboxSettings settings;
    private ScheduledExecutorService timer;

    @Inject
    public InboxPruner(InboxRepository repository, InboxSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "inbox-pruner");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pruneInterval().toMillis();
        timer.scheduleWithFixedDelay(this::pruneQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Deletes the entries processed longer than the retention ago; returns how many. */
    public long prune() {
        Instant cutoff = Instant.now().minus(settings.retention());
        return QuarkusTransaction.requiringNew().call(() -> repository.deleteProcessedBefore(cutoff));
    }

    private void pruneQuietly() {
        try {
            long pruned = prune();
            LOG.debugf("Pruned %d inbox entries", pruned);
        } catch (RuntimeException e) {
            // the next run catches up; an exception escaping here would cancel the schedule
            LOG.warnf("Inbox pruning failed, next attempt in %s: %s", settings.pruneInterval(), e.getMessage());
        }
    }
}
