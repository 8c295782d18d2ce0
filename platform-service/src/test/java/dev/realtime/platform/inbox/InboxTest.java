package dev.realtime.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.probe.Await;
import dev.realtime.platform.probe.ProbeConsumer;
import dev.realtime.platform.probe.ProbeEffectRepository;
import dev.realtime.platform.probe.ProbeRecords;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestPostgres;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbox behind a real {@code @Incoming} consumer (the probe service's), against the real broker and database.
 * Every test uses one record key for all its records, so they share a partition and are processed in the order
 * sent: a record that was processed (or dead-lettered) proves that every record sent before it was too.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "platform_probe"))
class InboxTest {

    private static final String TOPIC = "probe.commands";
    private static final String DLQ = "probe.commands.dlq";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static ProbeRecords records;

    @Inject
    ProbeEffectRepository effects;

    @Inject
    InboxRepository inbox;

    @Inject
    Inbox consumerInbox;

    @Inject
    InboxPruner pruner;

    @BeforeAll
    static void openProducer() {
        records = new ProbeRecords();
    }

    @AfterAll
    static void closeProducer() {
        records.close();
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        String key = "redelivery-" + UUID.randomUUID();
        EventEnvelope event = ProbeRecords.event(key, 1);
        EventEnvelope after = ProbeRecords.event(key, 2);
        records.send(TOPIC, event);
        records.send(TOPIC, event);
        records.send(TOPIC, after);

        awaitEffect(after);
        assertEquals(1, effectsOf(event), "the second delivery of the same event had an effect");
        assertTrue(inInbox(event));
    }

    @Test
    void anUnparseableRecordIsDeadLetteredWithItsReasonAndTheNextRecordIsProcessed() {
        String key = "unparseable-" + UUID.randomUUID();
        String poison = "{\"id\": \"" + key + "\", not json";
        EventEnvelope next = ProbeRecords.event(key, 3);
        try (TopicReader dlq = TopicReader.fromBeginning(DLQ)) {
            records.send(TOPIC, key, ProbeRecords.text(poison));
            records.send(TOPIC, next);

            ConsumerRecord<String, byte[]> dead = dlq.await(r -> key.equals(r.key()), TIMEOUT);
            assertEquals(poison, TopicReader.value(dead), "the dead letter is the record as it arrived");
            assertEquals(TOPIC, TopicReader.header(dead, "dead-letter-topic"));
            assertTrue(TopicReader.header(dead, "dead-letter-partition").matches("\\d+"));
            assertTrue(TopicReader.header(dead, "dead-letter-offset").matches("\\d+"));
            String reason = TopicReader.header(dead, "dead-letter-reason");
            assertTrue(reason.contains("is not an event envelope"), reason);
            assertEquals(PoisonRecordException.class.getName(),
                    TopicReader.header(dead, "dead-letter-exception-class-name"));
            awaitEffect(next);
        }
    }

    @Test
    void anEventItsEffectRefusesIsDeadLetteredAndLeavesNoTrace() {
        String key = "refused-" + UUID.randomUUID();
        EventEnvelope refused = ProbeRecords.event(key, -1);
        EventEnvelope next = ProbeRecords.event(key, 4);
        try (TopicReader dlq = TopicReader.fromBeginning(DLQ)) {
            records.send(TOPIC, refused);
            records.send(TOPIC, next);

            ConsumerRecord<String, byte[]> dead = dlq.await(r -> key.equals(r.key()), TIMEOUT);
            String reason = TopicReader.header(dead, "dead-letter-reason");
            assertTrue(reason.contains(refused.id()), reason);
            assertTrue(TopicReader.header(dead, "dead-letter-cause") != null, "the cause is in a header");
            awaitEffect(next);
            // rolled back with the effect: once the cause is fixed, the dead letter can be replayed
            assertFalse(inInbox(refused), "a refused event was recorded as processed");
            assertEquals(0, effectsOf(refused));
        }
    }

    @Test
    void whileTheDatabaseIsDownRecordsWaitAndAreProcessedOnceItReturns() {
        String key = "outage-" + UUID.randomUUID();
        EventEnvelope before = ProbeRecords.event(key, 5);
        records.send(TOPIC, before);
        awaitEffect(before);

        List<EventEnvelope> during = new ArrayList<>();
        long failuresBefore = consumerInbox.transientFailures();
        TestPostgres.stop();
        try {
            for (int i = 0; i < 5; i++) {
                EventEnvelope event = ProbeRecords.event(key, 10 + i);
                during.add(event);
                records.send(TOPIC, event);
            }
            // the consumer has the first of them and keeps failing on it: consumption really met the outage
            Await.until("the consumer retries against the stopped database", TIMEOUT,
                    () -> consumerInbox.transientFailures() >= failuresBefore + 3);
        } finally {
            TestPostgres.restart();
        }

        EventEnvelope marker = ProbeRecords.event(key, -1);
        try (TopicReader dlq = TopicReader.fromBeginning(DLQ)) {
            records.send(TOPIC, marker);
            for (EventEnvelope event : during) {
                awaitEffect(event);
            }
            for (EventEnvelope event : during) {
                assertEquals(1, effectsOf(event), "event " + event.id() + " had more than one effect");
            }
            // the marker is a poison record after them on the same partition: its dead letter comes after any of theirs
            dlq.await(r -> key.equals(r.key()) && TopicReader.value(r).contains(marker.id()), TIMEOUT);
            Set<String> deadIds = dlq.seen().stream()
                    .filter(r -> key.equals(r.key()))
                    .map(TopicReader::value)
                    .collect(Collectors.toSet());
            assertEquals(1, deadIds.size(), "only the marker may be dead-lettered, got " + deadIds);
        }
    }

    @Test
    void entriesOlderThanTheRetentionArePruned() {
        String fresh = "fresh-" + UUID.randomUUID();
        String old = "old-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            inbox.recordFirstDelivery(ProbeConsumer.CHANNEL, fresh, Instant.now());
            inbox.recordFirstDelivery(ProbeConsumer.CHANNEL, old, Instant.now().minus(Duration.ofDays(8)));
        });
        assertTrue(pruner.prune() >= 1);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.contains(ProbeConsumer.CHANNEL, fresh)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> inbox.contains(ProbeConsumer.CHANNEL, old)));
    }

    private void awaitEffect(EventEnvelope event) {
        Await.until("the effect of " + event.id(), TIMEOUT, () -> effectsOf(event) > 0);
    }

    private long effectsOf(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> effects.countFor(event.id()));
    }

    private boolean inInbox(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.contains(ProbeConsumer.CHANNEL, event.id()));
    }
}
