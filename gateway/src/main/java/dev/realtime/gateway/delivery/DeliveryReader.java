package dev.realtime.gateway.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.realtime.gateway.config.GatewayConfig;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.platform.kafka.Backoff;
import dev.realtime.platform.kafka.KafkaClients;
import dev.realtime.platform.kafka.KafkaUnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The one thread that reads the delivery topics and hands each poll to the {@link RecordRouter}.
 * <p>
 * Every replica reads every partition of every delivery topic: manual assignment, no consumer group, no
 * committed offsets. It starts at the end of each partition (a later issue adds recovery from a history window),
 * but a partition added while it runs is read from its beginning, since all of it is newer than this replica.
 * <p>
 * When the event loops fall behind (the router's in-flight bytes pass {@code gateway.limits.max-in-flight-bytes})
 * it pauses every partition and keeps polling empty until they have drained: overload waits in Kafka.
 * <p>
 * Kafka being unreachable is never fatal: at start the thread retries with backoff (and readiness stays DOWN),
 * and once running the consumer reconnects by itself and resumes where it was.
 */
@ApplicationScoped
public class DeliveryReader {

    private static final Logger LOG = Logger.getLogger(DeliveryReader.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClients kafka;
    private final GatewayConfig config;
    private static final Duration PAUSED_POLL = Duration.ofMillis(5);

    private final RecordRouter router;
    private final GatewayMetrics metrics;
    private final CountDownLatch stopping = new CountDownLatch(1);

    private volatile boolean running;
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile Consumer<String, byte[]> consumer;
    private Thread worker;

    @Inject
    public DeliveryReader(KafkaClients kafka, GatewayConfig config, RecordRouter router, GatewayMetrics metrics) {
        this.kafka = kafka;
        this.config = config;
        this.router = router;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        // built here, so that a bad gateway.retry-* setting fails the start rather than the delivery thread
        Backoff backoff = new Backoff(config.retryInitialBackoff(), config.retryMaxBackoff());
        running = true;
        worker = new Thread(() -> run(backoff), "gateway-delivery");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        stopping.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            // also ends a wait for the broker inside the admin client
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Whether every partition of the delivery topics is assigned and positioned. */
    public boolean isReady() {
        return !assigned.isEmpty();
    }

    /** The partitions being read; empty until the first assignment. */
    public Set<TopicPartition> assignedPartitions() {
        return assigned;
    }

    private void run(Backoff backoff) {
        boolean topicsReady = false;
        boolean failing = false;
        long nextPartitionCheck = 0;
        boolean paused = false;
        try {
            while (running) {
                try {
                    if (!topicsReady) {
                        kafka.ensureTopics(config.topics());
                        topicsReady = true;
                    }
                    if (consumer == null) {
                        consumer = new KafkaConsumer<>(kafka.assignedConsumerConfig("delivery"));
                    }
                    if (assigned.isEmpty()) {
                        paused = false;
                        assignFromEnd();
                        nextPartitionCheck = System.nanoTime() + config.partitionCheckInterval().toNanos();
                    } else if (System.nanoTime() - nextPartitionCheck >= 0) {
                        // scheduled before the check, so that a failing check does not repeat on every poll
                        nextPartitionCheck = System.nanoTime() + config.partitionCheckInterval().toNanos();
                        assignNewPartitions();
                        if (paused) {
                            consumer.pause(consumer.assignment());
                        }
                    }
                    paused = backpressure(paused);
                    ConsumerRecords<String, byte[]> records = consumer.poll(paused ? PAUSED_POLL : config.pollTimeout());
                    if (!records.isEmpty()) {
                        deliver(records);
                    }
                    if (failing) {
                        LOG.info("Kafka reachable again: delivery resumed");
                        failing = false;
                    }
                    backoff.reset();
                } catch (WakeupException | InterruptException e) {
                    // stop() woke the consumer: the loop condition ends the thread
                } catch (KafkaUnavailableException | RetriableException e) {
                    if (!running) {
                        return;
                    }
                    if (!failing) {
                        LOG.warnf("Kafka unreachable, delivery retries until it answers: %s", e.getMessage());
                        failing = true;
                    } else {
                        LOG.debugf("Delivery attempt failed: %s", e.getMessage());
                    }
                    if (!pause(backoff.next())) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // not retriable with this consumer (for example a topic deleted under it): start afresh
                    LOG.errorf(e, "Delivery consumer failed; a new one starts at the end of every partition");
                    closeConsumer();
                    topicsReady = false;
                    if (!pause(config.retryMaxBackoff())) {
                        return;
                    }
                }
            }
        } finally {
            // an interrupt from stop() must not make the close below fail
            Thread.interrupted();
            closeConsumer();
        }
    }

    /** Assigns every partition and pins its position at its current end, before readiness reports UP. */
    private void assignFromEnd() {
        Set<TopicPartition> partitions = currentPartitions(true);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve it now, or records written between "ready" and the first poll would be skipped
        partitions.forEach(partition -> consumer.position(partition, METADATA_TIMEOUT));
        assigned = Set.copyOf(partitions);
        LOG.infof("Delivering from %d partitions of %s, starting at their end", partitions.size(), config.topics());
    }

    /** Adds partitions created since the last check, read from their beginning. */
    private void assignNewPartitions() {
        Set<TopicPartition> added = currentPartitions(false);
        added.removeAll(assigned);
        if (added.isEmpty()) {
            return;
        }
        Set<TopicPartition> all = new HashSet<>(assigned);
        all.addAll(added);
        // assign() keeps the positions of the partitions it already had; the beginning of a new one does not move
        consumer.assign(all);
        consumer.seekToBeginning(added);
        assigned = Set.copyOf(all);
        LOG.infof("Delivering from %d new partitions %s, starting at their beginning", added.size(), added);
    }

    /**
     * The partitions of the delivery topics as the broker knows them now. Asks the broker every time:
     * {@code partitionsFor} would answer from the consumer's metadata cache and miss new partitions for minutes.
     *
     * @param complete whether every topic must have partitions (at start, right after creating them)
     */
    private Set<TopicPartition> currentPartitions(boolean complete) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(METADATA_TIMEOUT);
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : config.topics()) {
            List<PartitionInfo> infos = topics.get(topic);
            if (infos == null || infos.isEmpty()) {
                if (complete) {
                    throw new KafkaUnavailableException("topic " + topic + " has no partitions yet", null);
                }
                continue;
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    /** Pauses reading while the event loops are behind, resumes once they have caught up; returns the new state. */
    private boolean backpressure(boolean paused) {
        if (!paused && router.behind()) {
            consumer.pause(consumer.assignment());
            metrics.readingPaused();
            LOG.debugf("Event loops behind: Kafka reading paused");
            return true;
        }
        if (paused && router.caughtUp()) {
            consumer.resume(consumer.assignment());
            LOG.debugf("Event loops caught up: Kafka reading resumed");
            return false;
        }
        return paused;
    }

    private void deliver(ConsumerRecords<String, byte[]> records) {
        try {
            router.route(records);
        } catch (RuntimeException e) {
            // one poll must never stop delivery of the next
            LOG.errorf(e, "%d records could not be delivered", records.count());
        }
    }

    private void closeConsumer() {
        Consumer<String, byte[]> current = consumer;
        consumer = null;
        assigned = Set.of();
        if (current != null) {
            try {
                current.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Delivery consumer did not close cleanly: %s", e.getMessage());
            }
        }
    }

    /** Waits out a backoff; returns false if the gateway is stopping. */
    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS) && running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
