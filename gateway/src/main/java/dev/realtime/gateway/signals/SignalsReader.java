package dev.realtime.gateway.signals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.realtime.gateway.config.GatewayConfig;
import dev.realtime.gateway.config.SignalsConfig;
import dev.realtime.platform.event.Topics;
import dev.realtime.platform.kafka.Backoff;
import dev.realtime.platform.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The thread that reads {@code gateway.signals}: every partition, manual assignment, no consumer group, like the
 * delivery reader. It starts one presence TTL back in time rather than at the end, so a replica that has just
 * started knows who is online elsewhere at once instead of after the next heartbeats (older typing is ignored by
 * its listener). Its own replica's signals are skipped; the others go to the {@link SignalListener}s on the
 * {@link SignalsThread}. Kafka being unreachable only delays signals: the thread retries with backoff.
 */
@ApplicationScoped
public class SignalsReader {

    private static final Logger LOG = Logger.getLogger(SignalsReader.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClients kafka;
    private final SignalsTopic topic;
    private final SignalCodec codec;
    private final ReplicaId replica;
    private final SignalsThread thread;
    private final List<SignalListener> listeners;
    private final GatewayConfig gateway;
    private final SignalsConfig config;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread worker;

    @Inject
    public SignalsReader(KafkaClients kafka, SignalsTopic topic, SignalCodec codec, ReplicaId replica,
            SignalsThread thread, Instance<SignalListener> listeners, GatewayConfig gateway, SignalsConfig config) {
        this.kafka = kafka;
        this.topic = topic;
        this.codec = codec;
        this.replica = replica;
        this.thread = thread;
        this.listeners = listeners.stream().toList();
        this.gateway = gateway;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        Backoff backoff = new Backoff(gateway.retryInitialBackoff(), gateway.retryMaxBackoff());
        running = true;
        worker = new Thread(() -> run(backoff), "gateway-signals-reader");
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
            // no interrupt: it would make the consumer's close fail; the wakeup and the latch end every wait
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void run(Backoff backoff) {
        boolean failing = false;
        try {
            while (running) {
                try {
                    if (consumer == null) {
                        topic.ensure();
                        consumer = new KafkaConsumer<>(kafka.assignedConsumerConfig("signals"));
                        assign(consumer);
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(gateway.pollTimeout())) {
                        take(record);
                    }
                    if (failing) {
                        LOG.infof("Reading %s again", Topics.GATEWAY_SIGNALS);
                        failing = false;
                    }
                    backoff.reset();
                } catch (WakeupException | InterruptException e) {
                    // stop() woke the consumer: the loop condition ends the thread
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    if (!failing) {
                        LOG.warnf("Reading %s failed, retrying until Kafka answers: %s", Topics.GATEWAY_SIGNALS,
                                e.toString());
                        failing = true;
                    } else {
                        LOG.debugf("Reading %s failed again: %s", Topics.GATEWAY_SIGNALS, e.toString());
                    }
                    close();
                    if (!pause(backoff.next())) {
                        return;
                    }
                }
            }
        } finally {
            Thread.interrupted();
            close();
        }
    }

    private void assign(Consumer<String, byte[]> reader) {
        List<PartitionInfo> infos = reader.listTopics(METADATA_TIMEOUT).get(Topics.GATEWAY_SIGNALS);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException(Topics.GATEWAY_SIGNALS + " has no partitions yet");
        }
        Set<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(Topics.GATEWAY_SIGNALS, info.partition()))
                .collect(Collectors.toSet());
        reader.assign(partitions);
        long since = System.currentTimeMillis() - config.presence().ttl().toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = reader.offsetsForTimes(times, METADATA_TIMEOUT);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                reader.seekToEnd(List.of(partition));
            } else {
                reader.seek(partition, offset.offset());
            }
            reader.position(partition, METADATA_TIMEOUT);
        }
        LOG.infof("Reading %s from %d partitions as replica %s", Topics.GATEWAY_SIGNALS, partitions.size(),
                replica.id());
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        Signal signal = codec.read(record.value());
        if (signal == null) {
            LOG.debugf("Skipped a record of %s that is no signal of this version", Topics.GATEWAY_SIGNALS);
            return;
        }
        if (replica.isMine(signal.replica())) {
            return;
        }
        long received = System.currentTimeMillis();
        thread.execute(() -> listeners.forEach(listener -> listener.received(signal, received)));
    }

    private void close() {
        Consumer<String, byte[]> current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Signals consumer did not close cleanly: %s", e.getMessage());
            }
        }
    }

    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS) && running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
