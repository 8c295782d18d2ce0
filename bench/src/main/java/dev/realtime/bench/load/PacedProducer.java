package dev.realtime.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces benchmark events into Kafka at a set rate: event {@code i} of a step goes to room {@code i % rooms}
 * (key {@code bench-room-<r>}, so a room's events stay in one partition and in order), with the header
 * {@code rt-channels: role:bench-room-<r>} that both servers route on. Each event carries the wall clock at the
 * moment it is handed to the producer, in microseconds.
 */
public final class PacedProducer implements AutoCloseable {

    /** The record header naming the channels of an event (the platform's EventHeaders.CHANNELS). */
    public static final String CHANNELS_HEADER = "rt-channels";

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int rooms;
    private final int eventBytes;
    /** The next sequence number of each room: they run on across steps, so a receiver sees one rising series. */
    private final long[] nextSeq;
    private final byte[][] keys;
    private final byte[][] channels;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public PacedProducer(String bootstrapServers, String topic, int rooms, int eventBytes) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer",
                // each event leaves at once: the latency measured is the servers', not the producer's batching
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all",
                // idempotence keeps a room's events in order across retries
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.rooms = rooms;
        this.eventBytes = eventBytes;
        this.nextSeq = new long[rooms];
        this.keys = new byte[rooms][];
        this.channels = new byte[rooms][];
        for (int r = 0; r < rooms; r++) {
            keys[r] = roomGroup(r).getBytes(StandardCharsets.UTF_8);
            channels[r] = ("role:" + roomGroup(r)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The JWT group of room {@code r}, which the gateway turns into the channel {@code role:bench-room-<r>}. */
    public static String roomGroup(int room) {
        return "bench-room-" + room;
    }

    /**
     * Produces {@code eventsPerSecond} events for {@code duration}, paced against the clock (a late event is sent
     * at once, not skipped), and waits until Kafka has acknowledged them.
     *
     * @return how many events each room got in this step
     */
    public long[] run(int step, double eventsPerSecond, Duration duration) {
        long[] produced = new long[rooms];
        Pacer.run(eventsPerSecond, duration, 0, i -> {
            int room = (int) (i % rooms);
            long seq = nextSeq[room]++;
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, keys[room],
                    EventPayload.build(eventBytes, step, room, seq, EventPayload.nowMicros()));
            record.headers().add(CHANNELS_HEADER, channels[room]);
            producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, exception);
                }
            });
            produced[room]++;
        });
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " events could not be produced", firstFailure.get());
        }
        return produced;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
