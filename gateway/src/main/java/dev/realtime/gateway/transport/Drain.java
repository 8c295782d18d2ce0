package dev.realtime.gateway.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.realtime.gateway.config.ShutdownConfig;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.LoopHub;
import dev.realtime.gateway.protocol.CloseCode;
import dev.realtime.gateway.session.Session;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;

/**
 * Graceful shutdown: on SIGTERM the replica refuses new upgrades (503, and readiness goes DOWN), then closes
 * every client with {@link CloseCode#GOING_AWAY}, spread evenly over {@code gateway.shutdown.drain}, and lets
 * the stop go on once they are gone or the drain period is over. The clients resume on another replica.
 */
@ApplicationScoped
public class Drain implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(Drain.class);

    private final Hub hub;
    private final ShutdownConfig config;
    private volatile boolean draining;

    @Inject
    public Drain(Hub hub, ShutdownConfig config) {
        this.hub = hub;
        this.config = config;
    }

    public boolean draining() {
        return draining;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return draining ? CheckResult.rejectUpgrade(503) : CheckResult.permitUpgrade();
    }

    /** Before the HTTP server and the delivery thread stop (a low priority number observes first). */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        drainAll();
    }

    /** The same as on SIGTERM, for the test that cannot send one to its own JVM. */
    public void onStopForTest(ShutdownEvent event) {
        drainAll();
    }

    private void drainAll() {
        if (draining) {
            return;
        }
        draining = true;
        long drainMillis = config.drain().toMillis();
        int open = hub.connectionCount();
        LOG.infof("Shutting down: closing %d connections over %d ms", open, drainMillis);
        for (LoopHub loop : hub.loops()) {
            try {
                loop.loop().execute(() -> spread(loop, drainMillis));
            } catch (RuntimeException e) {
                LOG.debugf("Event loop gone before the drain: %s", e.getMessage());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis + 2000);
        // the shutdown thread waits here, not an event loop: polling the count with a deadline is fine
        while (hub.connectionCount() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.infof("Drained: %d connections left", hub.connectionCount());
    }

    /** On the loop: closes its sessions in order, the i-th of n after {@code drain * i / n}. */
    private static void spread(LoopHub loop, long drainMillis) {
        List<Session> sessions = new ArrayList<>();
        loop.sessions().forEach(sessions::add);
        int n = sessions.size();
        for (int i = 0; i < n; i++) {
            Session session = sessions.get(i);
            long at = n == 1 ? 0 : drainMillis * i / n;
            loop.loop().schedule(() -> session.close(CloseCode.GOING_AWAY), at, TimeUnit.MILLISECONDS);
        }
    }
}
