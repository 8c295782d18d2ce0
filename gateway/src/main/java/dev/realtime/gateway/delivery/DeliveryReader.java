package dev.realtime.gateway.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.realtime.gateway.config.GatewayConfig;
import dev.realtime.gateway.config.HistoryConfig;
import dev.realtime.gateway.history.HistoryWindow;
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
 * committed offsets. It starts {@code gateway.history.max-age} back in each partition, to rebuild the history window,
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
    private final HistoryConfig history;
    /** End offsets at assignment; null once the window is warm. Delivery thread only. */
    private Map<TopicPartition, Long> warmUntil;
    private final CountDownLatch stopping = new CountDownLatch(1);

    private volatile boolean running;
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile Consumer<String, byte[]> consumer;
    private Thread worker;

    @Inject
    public DeliveryReader(KafkaClients kafka, GatewayConfig config, RecordRouter router, GatewayMetrics metrics,
            HistoryConfig history) {
        this.kafka = kafka;
        this.config = config;
        this.router = router;
        this.metrics = metrics;
        this.history = history;
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

    /** Whether every partition of the delivery topics is assigned and the history window is warm. */
    public boolean isReady() {
        return !assigned.isEmpty() && !router.warming();
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
                        Consumer<String, byte[]> current = consumer;
                        // a connection going live is served between two polls: end the current wait for it
                        router.wakeup(current::wakeup);
                    }
                    if (assigned.isEmpty()) {
                        paused = false;
                        assignWithWindow();
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
                    // before the poll, so that a wakeup for a connection going live is served at once
                    router.betweenPolls();
                    ConsumerRecords<String, byte[]> records = consumer.poll(paused ? PAUSED_POLL : config.pollTimeout());
                    if (!records.isEmpty()) {
                        deliver(records);
                    }
                    checkWarm();
                    if (failing) {
                        LOG.info("Kafka reachable again: delivery resumed");
                        failing = false;
                    }
                    backoff.reset();
                } catch (WakeupException | InterruptException e) {
                    // stop() woke the consumer (the loop condition ends the thread), or a connection going live did
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

    /**
     * Assigns every partition and positions each where the history window should begin: the first offset at or
     * after {@code gateway.history.max-age} ago (the end if nothing is that recent). Until the reader has reached
     * the partitions' ends as they were now, the window is warming: records are kept, not delivered, and
     * readiness stays DOWN.
     */
    private void assignWithWindow() {
        Set<TopicPartition> partitions = currentPartitions(true);
        epochs(partitions);
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        long since = System.currentTimeMillis() - history.maxAge().toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, METADATA_TIMEOUT);
        HistoryWindow window = router.window();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            long from = start != null ? start.offset() : ends.get(partition);
            consumer.seek(partition, from);
            window.start(partition, from);
        }
        warmUntil = ends;
        router.warming(true);
        assigned = Set.copyOf(partitions);
        LOG.infof("Delivering from %d partitions of %s, history window rebuilt from %s", partitions.size(),
                config.topics(), java.time.Instant.ofEpochMilli(since));
    }

    /** The topic ids: a cursor of another epoch (a recreated topic) is never applied. */
    private void epochs(Set<TopicPartition> partitions) {
        Set<String> topics = new HashSet<>();
        partitions.forEach(partition -> topics.add(partition.topic()));
        try (Admin admin = Admin.create(kafka.adminConfig("gateway-epochs"))) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(METADATA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            descriptions.forEach((topic, description) -> router.window().epoch(topic, description.topicId().toString()));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new KafkaUnavailableException("cannot describe the delivery topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /** Ends the warm-up once every partition has been read up to where it ended at assignment. */
    private void checkWarm() {
        if (warmUntil == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : warmUntil.entrySet()) {
            if (consumer.position(end.getKey(), METADATA_TIMEOUT) < end.getValue()) {
                return;
            }
        }
        warmUntil = null;
        router.warming(false);
        LOG.infof("History window warm: %d records, %d bytes", router.window().records(), router.window().bytes());
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
        epochs(added);
        added.forEach(partition -> router.window().start(partition, 0));
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
