package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.stack.LocalStack;

/**
 * Nothing lost on reconnect, to the other replica: a steady stream of events for a user goes on while the user's
 * connection to replica 1 drops; it reconnects to replica 2 with the cursor it kept and gets every event exactly
 * once, in order per partition (sent = received, duplicates = 0), the missed ones from replica 2's history window,
 * then the live ones.
 */
@ExtendWith(LocalStackExtension.class)
class ResumeOnAnotherReplicaIT {

    private static final String TOPIC = "chat.events";
    private static final int EVENTS = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aClientThatDropsAndResumesOnTheOtherReplicaGetsEveryEventOnce(LocalStack stack) throws Exception {
        Suite suite = new Suite(stack);
        Suite.User alice = suite.register("resumer");
        List<String> sent = new CopyOnWriteArrayList<>();
        List<String> received = new ArrayList<>();
        Map<Integer, List<Long>> offsets = new HashMap<>();
        CountDownLatch someReceived = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();

        JsonNode cursor;
        try (KafkaProducer<String, byte[]> producer = producer(stack)) {
            Thread stream = new Thread(() -> publish(producer, alice.id(), sent, someReceived, done), "event-stream");
            GatewaySocket first = suite.connect(alice, 1);
            try (first) {
                suite.welcome(first, alice);
                first.send("{\"type\":\"ping\"}");
                first.awaitLive(TIMEOUT);
                stream.start();
                while (received.size() < EVENTS / 3) {
                    take(first.nextEvent(TIMEOUT), received, offsets);
                }
                someReceived.countDown();
            }
            // closed: what arrived is what this client has, and its cursor says exactly that
            for (JsonNode frame : first.arrivedFrames()) {
                if ("event".equals(frame.path("type").asText())) {
                    take(frame, received, offsets);
                }
            }
            cursor = first.cursor();
            // the first connection is gone while the stream goes on; reconnect to the other replica
            try (GatewaySocket second = suite.connect(alice, 2)) {
                suite.welcome(second, alice);
                second.resume("r", cursor);
                JsonNode answer = second.awaitFrame(frame -> {
                    String type = frame.path("type").asText();
                    if ("event".equals(type)) {
                        take(frame, received, offsets);
                    }
                    return "resumed".equals(type) || "not-recoverable".equals(type);
                }, TIMEOUT, "the answer to the resume");
                assertEquals("resumed", answer.path("type").asText(), answer.toString());
                stream.join(TimeUnit.SECONDS.toMillis(60));
                assertTrue(done.get(), "the stream finished");
                while (received.size() < sent.size()) {
                    take(second.nextEvent(TIMEOUT), received, offsets);
                }
            }
        }
        Set<String> unique = new HashSet<>(received);
        assertEquals(received.size(), unique.size(), "duplicates: " + (received.size() - unique.size()));
        assertEquals(new HashSet<>(sent), unique, "sent = received");
        assertEquals(EVENTS, received.size());
        offsets.forEach((partition, seen) -> {
            List<Long> sorted = new ArrayList<>(seen);
            sorted.sort(null);
            assertEquals(sorted, seen, "order on partition " + partition);
        });
    }

    private static void take(JsonNode frame, List<String> received, Map<Integer, List<Long>> offsets) {
        received.add(frame.path("event").path("id").asText());
        offsets.computeIfAbsent(frame.path("partition").asInt(), p -> new ArrayList<>()).add(frame.path("offset").asLong());
    }

    /** About 100 events a second, spread over the partitions by key; a third before the drop, the rest after. */
    private static void publish(KafkaProducer<String, byte[]> producer, String subject, List<String> sent,
            CountDownLatch someReceived, AtomicBoolean done) {
        try {
            for (int i = 0; i < EVENTS; i++) {
                String id = "resume-" + subject + "-" + i;
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, "key-" + (i % 7),
                        ("{\"id\":\"" + id + "\",\"type\":\"test.streamed\",\"source\":\"e2e\",\"time\":\"2026-01-01T00:00:00Z\","
                                + "\"subject\":\"" + subject + "\",\"data\":{\"n\":" + i + "}}").getBytes(StandardCharsets.UTF_8));
                record.headers().add("rt-channels", ("user:" + subject).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
                sent.add(id);
                if (i == EVENTS / 3) {
                    // the rest is published after the first connection has dropped
                    someReceived.await(60, TimeUnit.SECONDS);
                }
                // paced, not bursting: a steady stream across the drop; the send's ack paces it already
                if (i % 10 == 0) {
                    producer.flush();
                }
            }
            done.set(true);
        } catch (Exception e) {
            throw new IllegalStateException("the stream stopped", e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all"));
    }
}
