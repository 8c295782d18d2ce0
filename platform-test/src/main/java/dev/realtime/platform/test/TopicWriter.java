package dev.realtime.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to a topic of the test broker, as another service or team would, and waits for the broker to
 * take each one, so that a test knows a record's partition and offset before it looks for its effect.
 *
 * <pre>{@code
 * try (TopicWriter writer = TopicWriter.open()) {
 *     RecordMetadata sent = writer.to("chat.events").partition(0).key("room-1")
 *             .header(EventHeaders.CHANNELS, "user:alice").send(json);
 * }
 * }</pre>
 */
public final class TopicWriter implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, byte[]> producer;

    private TopicWriter() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    /** A writer connected to the JVM's test broker. */
    public static TopicWriter open() {
        return new TopicWriter();
    }

    /** Starts a record for this topic; without {@link Draft#partition(int)} the key chooses the partition. */
    public Draft to(String topic) {
        return new Draft(topic);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** One record being built: partition, key and headers are optional. */
    public final class Draft {

        private final String topic;
        private final RecordHeaders headers = new RecordHeaders();
        private Integer partition;
        private String key;

        private Draft(String topic) {
            this.topic = topic;
        }

        public Draft partition(int partition) {
            this.partition = partition;
            return this;
        }

        public Draft key(String key) {
            this.key = key;
            return this;
        }

        /** Adds a header with this UTF-8 text value; a name may repeat, as Kafka allows. */
        public Draft header(String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Sends the value as UTF-8 text ({@code null} for a record without value) and waits for the ack. */
        public RecordMetadata send(String value) {
            return send(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends these value bytes and waits for the broker's ack. */
        public RecordMetadata send(byte[] value) {
            try {
                return producer.send(new ProducerRecord<>(topic, partition, key, value, headers))
                        .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the test broker did not take a record for " + topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while writing to " + topic, e);
            }
        }
    }
}
