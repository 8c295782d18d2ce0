package dev.realtime.gateway.kafka;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import dev.realtime.platform.event.Topics;
import dev.realtime.platform.kafka.KafkaClients;

/**
 * The gateway's one Kafka producer, for {@code chat.commands} and {@code gateway.signals}.
 * <p>
 * {@code KafkaProducer#send} may block (up to {@code max.block.ms}) while it waits for metadata or buffer
 * space, so it is never called on an event loop: sends run on one producer thread with a bounded queue, and the
 * returned stage completes when the broker has the record, on Kafka's I/O thread. A full queue fails the stage at
 * once instead of waiting.
 */
@ApplicationScoped
public class GatewayProducer {

    private static final Logger LOG = Logger.getLogger(GatewayProducer.class);
    private static final int QUEUE = 10_000;

    private final KafkaClients kafka;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "gateway-producer");
                thread.setDaemon(true);
                return thread;
            });
    private volatile Producer<String, byte[]> producer;

    @Inject
    public GatewayProducer(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /** Sends a record; the stage completes once Kafka has acknowledged it, or fails. Never blocks the caller. */
    public CompletionStage<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    producer().send(record, (metadata, failure) -> {
                        if (failure == null) {
                            acked.complete(null);
                        } else {
                            acked.completeExceptionally(failure);
                        }
                    });
                } catch (RuntimeException e) {
                    acked.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Created on the producer thread on first use, with the topics it writes, so that nothing blocks at start. */
    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            kafka.ensureTopics(List.of(Topics.CHAT_COMMANDS, Topics.GATEWAY_SIGNALS));
            current = new KafkaProducer<>(kafka.producerConfig("gateway"));
            producer = current;
        }
        return current;
    }

    @PreDestroy
    void close() {
        executor.shutdown();
        Producer<String, byte[]> current = producer;
        if (current != null) {
            try {
                current.close(java.time.Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Producer did not close cleanly: %s", e.getMessage());
            }
        }
    }
}
