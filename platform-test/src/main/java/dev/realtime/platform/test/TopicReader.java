package dev.realtime.platform.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.platform.event.EventHeaders;

/**
 * Reads a topic of the test broker from its beginning, across all its partitions, the way the gateway
 * does (no consumer group). Tests use it to see exactly what a service published.
 */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private final List<TopicPartition> partitions;

    private TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        partitions = awaitPartitions(topic, Duration.ofSeconds(30));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The topic's partitions, waiting for the service under test to create the topic. */
    private List<TopicPartition> awaitPartitions(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TopicPartition> found = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                consumer.close();
                throw new AssertionError("topic " + topic + " does not exist after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for topic " + topic, e);
            }
        }
    }

    /** Opens a reader positioned at the beginning of every partition of the topic. */
    public static TopicReader fromBeginning(String topic) {
        return new TopicReader(topic);
    }

    /** The first record, in the order read, that matches; fails after the timeout. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (match.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record within " + timeout + "; read " + seen.size());
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    /** The partitions being read: every partition the topic had when the reader opened. */
    public List<TopicPartition> partitions() {
        return partitions;
    }

    /** Every record read so far, in the order read. */
    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    /**
     * Checks the record is an envelope of the platform as every service writes it (its {@code id} is the
     * {@code rt-event-id} header, its type is also the {@code rt-event-type} header, a source, the aggregate as
     * subject, a time) and returns it, for the caller to check its {@code data}.
     */
    public static JsonNode assertEnvelope(ConsumerRecord<String, byte[]> record, String type, String source,
            String subject) {
        JsonNode event;
        try {
            event = JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError("the record's value is not JSON", e);
        }
        assertEquals(type, header(record, EventHeaders.EVENT_TYPE), "rt-event-type header");
        assertEquals(header(record, EventHeaders.EVENT_ID), event.path("id").asText(), "id = rt-event-id header");
        assertEquals(type, event.path("type").asText(), "type");
        assertEquals(source, event.path("source").asText(), "source");
        assertEquals(subject, event.path("subject").asText(), "subject");
        assertFalse(event.path("time").asText().isEmpty(), "time");
        return event;
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The record value as text. */
    public static String value(ConsumerRecord<?, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
