package dev.realtime.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.kafka.Backoff;
import dev.realtime.platform.kafka.KafkaClients;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them once the broker has acknowledged
 * them. A commit that wrote to the outbox wakes the relay at once; a periodic sweep picks up anything else.
 * <p>
 * Delivery is at least once: a crash between the acknowledgement and the delete resends the batch, and
 * consumers drop the duplicate by event id. Only one replica of a service relays at a time (a PostgreSQL
 * advisory lock held for the batch), so rows reach Kafka in {@code seq} order; {@link Outbox#publish} makes the
 * {@code seq} order of one aggregate's rows its commit order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * The PostgreSQL advisory lock a relay holds for each batch (the ASCII bytes of "outbox"). Whoever holds it
     * in a transaction pauses every relay of that database until the transaction ends.
     */
    public static final long RELAY_LOCK = 0x6f7574626f78L;
    /** {@link #relayBatch()} result when another replica holds the relay lock. */
    static final int LOCK_BUSY = -1;
    /** How soon to try again when another replica is relaying and this one has rows of its own waiting. */
    private static final Duration LOCK_RETRY = Duration.ofMillis(20);

    private final KafkaClients kafka;
    private final OutboxSettings settings;
    private final OutboxRepository repository;
    private final Semaphore wakeUp = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);

    private final AtomicLong lockBusy = new AtomicLong();

    private volatile boolean running;
    private Thread worker;
    private Producer<String, byte[]> producer;

    @Inject
    public OutboxRelay(KafkaClients kafka, OutboxSettings settings, OutboxRepository repository) {
        this.kafka = kafka;
        this.settings = settings;
        this.repository = repository;
    }

    void start(@Observes StartupEvent event) {
        if (!settings.relayEnabled()) {
            LOG.info("Outbox relay disabled");
            return;
        }
        // built here, so that a bad rt.outbox backoff setting fails the start rather than the relay thread
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        running = true;
        worker = new Thread(() -> run(backoff), "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        stopping.countDown();
        if (worker != null) {
            wakeUp.release();
            worker.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    private void run(Backoff backoff) {
        try {
            relayUntilStopped(backoff);
        } finally {
            closeProducer();
        }
    }

    private void relayUntilStopped(Backoff backoff) {
        boolean topicsReady = false;
        boolean failing = false;
        while (running) {
            try {
                if (!topicsReady) {
                    kafka.ensureTopics(kafka.declaredTopics());
                    topicsReady = true;
                }
                int relayed;
                do {
                    relayed = relayBatch();
                    if (relayed == LOCK_BUSY && !pause(LOCK_RETRY)) {
                        return;
                    }
                    // a full batch means more rows may be waiting; a busy lock means another replica is
                    // relaying, possibly without this replica's latest rows, so try again shortly
                } while (running && (relayed == settings.batchSize() || relayed == LOCK_BUSY));
                if (failing) {
                    LOG.info("Outbox relay resumed");
                    failing = false;
                }
                backoff.reset();
                wakeUp.tryAcquire(settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("Outbox relay failed; events stay in the outbox and are retried: %s",
                            e.getMessage());
                    failing = true;
                } else {
                    LOG.debugf(e, "Outbox relay attempt failed");
                }
                closeProducer();
                if (!pause(backoff.next())) {
                    return;
                }
            }
        }
    }

    /**
     * Sends the oldest rows and deletes them once acknowledged; returns how many were relayed, or
     * {@link #LOCK_BUSY} if another replica of this service is relaying right now.
     */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.tryLockRelay(RELAY_LOCK)) {
                lockBusy.incrementAndGet();
                return LOCK_BUSY;
            }
            List<OutboxEvent> batch = repository.oldest(settings.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            Producer<String, byte[]> sender = producer();
            // A send waits for its topic's metadata and fails alone when the broker is not back in time, while the
            // sends after it may already reach the returning broker: an aggregate's later event would then go out
            // before its earlier one, and again with it on the retry. So the whole batch waits for the metadata
            // first, and either every send of the batch is queued in order or none is.
            batch.stream().map(row -> row.topic).distinct().forEach(sender::partitionsFor);
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            List<Long> relayed = new ArrayList<>(batch.size());
            for (OutboxEvent row : batch) {
                acks.add(sender.send(toRecord(row)));
                relayed.add(row.seq);
            }
            for (Future<RecordMetadata> ack : acks) {
                awaitAck(ack);
            }
            repository.deleteRelayed(relayed);
            return batch.size();
        });
    }

    /** How many relay attempts found another replica relaying; for metrics of relay contention. */
    public long lockBusyCount() {
        return lockBusy.get();
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.CHANNELS, row.channels.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_TYPE, row.eventType.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, row.eventId.toString().getBytes(StandardCharsets.UTF_8));
        if (row.revokeChannel != null) {
            headers.add(EventHeaders.REVOKE, row.revokeChannel.getBytes(StandardCharsets.UTF_8));
            if (row.revokeSubjects != null) {
                headers.add(EventHeaders.REVOKE_SUBJECTS, row.revokeSubjects.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(row.topic, null, null, row.recordKey,
                row.payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge an outbox event: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.producerConfig("outbox-relay"));
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    /** Waits out a backoff; commits do not cut it short, a shutdown does. Returns false on shutdown. */
    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS) && running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
