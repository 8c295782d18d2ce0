package dev.realtime.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.outbox.OutboxEvent;
import dev.realtime.platform.outbox.OutboxRelay;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The platform outbox, exercised in a real service against the real database and broker. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class OutboxTest {

    private static final String TOPIC = "booking.events";

    @Inject
    Writer writer;

    @Inject
    DataSource dataSource;

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        EventEnvelope rolledBack = EventEnvelope.of("booking.probed", "test", "outbox-order", Map.of("n", 1));
        EventEnvelope committed = EventEnvelope.of("booking.probed", "test", "outbox-order", Map.of("n", 2));

        assertThrows(IllegalStateException.class, () -> writer.publishThenFail(rolledBack));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventId",
                UUID.fromString(rolledBack.id()))));
        writer.publish(committed);

        // Same key, same partition: had the rolled-back event gone out, it would be read before the committed one.
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC)) {
            reader.await(r -> committed.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), Duration.ofSeconds(15));
            List<String> ids = reader.seen().stream().map(r -> TopicReader.header(r, EventHeaders.EVENT_ID)).toList();
            assertFalse(ids.contains(rolledBack.id()), "the rolled-back event was published");
        }
    }

    @Test
    void relayedRowsLeaveTheOutbox() {
        EventEnvelope event = EventEnvelope.of("booking.probed", "test", "outbox-drain", Map.of("n", 3));
        writer.publish(event);
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC)) {
            ConsumerRecord<String, byte[]> record = reader.await(
                    r -> event.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), Duration.ofSeconds(15));
            assertEquals("outbox-drain", record.key());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long left;
        do {
            left = QuarkusTransaction.requiringNew().call(
                    () -> OutboxEvent.count("eventId", UUID.fromString(event.id())));
        } while (left > 0 && System.nanoTime() < deadline);
        assertEquals(0, left);
    }

    @Test
    void whileAnotherReplicaRelaysNewRowsWaitAndGoOutRightAfter() throws Exception {
        EventEnvelope event = EventEnvelope.of("booking.probed", "test", "outbox-replicas", Map.of("n", 4));
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC);
                Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (Statement statement = otherReplica.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");
            }
            writer.publish(event);
            assertEquals(1, QuarkusTransaction.requiringNew().call(
                    () -> OutboxEvent.count("eventId", UUID.fromString(event.id()))),
                    "no relay may send while another one holds the lock");

            otherReplica.commit();
            // the sweep is set far beyond this timeout in tests: only the relay's own retry can deliver in time
            reader.await(r -> event.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), Duration.ofSeconds(15));
        }
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        EventEnvelope event = EventEnvelope.of("booking.probed", "test", "outbox-none", Map.of());
        assertThrows(TransactionalException.class, () -> writer.publishWithoutTransaction(event));
    }

    @ApplicationScoped
    static class Writer {

        @Inject
        Outbox outbox;

        @Transactional
        void publish(EventEnvelope event) {
            outbox.publish(TOPIC, event, List.of(Channels.user("probe")));
        }

        @Transactional
        void publishThenFail(EventEnvelope event) {
            outbox.publish(TOPIC, event, List.of(Channels.user("probe")));
            throw new IllegalStateException("the change failed after its event was written");
        }

        void publishWithoutTransaction(EventEnvelope event) {
            outbox.publish(TOPIC, event, List.of(Channels.user("probe")));
        }
    }
}
