package dev.realtime.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.event.Revocation;
import dev.realtime.platform.probe.Await;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox and its relay, in the probe service against the real database and broker. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "platform_probe"))
class OutboxTest {

    private static final String TOPIC = "probe.events";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Inject
    Writer writer;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        EventEnvelope rolledBack = EventEnvelope.of("probe.probed", "test", "outbox-order", Map.of("n", 1));
        EventEnvelope committed = EventEnvelope.of("probe.probed", "test", "outbox-order", Map.of("n", 2));

        assertThrows(IllegalStateException.class, () -> writer.publishThenFail(rolledBack));
        assertEquals(0, waiting(rolledBack));
        writer.publish(committed);

        // Same key, same partition: had the rolled-back event gone out, it would be read before the committed one.
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC)) {
            reader.await(r -> committed.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), TIMEOUT);
            List<String> ids = reader.seen().stream().map(r -> TopicReader.header(r, EventHeaders.EVENT_ID)).toList();
            assertFalse(ids.contains(rolledBack.id()), "the rolled-back event was published");
        }
    }

    @Test
    void relayedRowsLeaveTheOutbox() {
        EventEnvelope event = EventEnvelope.of("probe.probed", "test", "outbox-drain", Map.of("n", 3));
        writer.publish(event);
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC)) {
            ConsumerRecord<String, byte[]> record = reader.await(
                    r -> event.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), TIMEOUT);
            assertEquals("outbox-drain", record.key());
        }
        Await.until("the relayed row is deleted", TIMEOUT, () -> waiting(event) == 0);
    }

    @Test
    void whileAnotherReplicaRelaysNewRowsWaitAndGoOutRightAfter() throws Exception {
        EventEnvelope event = EventEnvelope.of("probe.probed", "test", "outbox-replicas", Map.of("n", 4));
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC);
                Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (Statement statement = otherReplica.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");
            }
            long busyBefore = relay.lockBusyCount();
            writer.publish(event);
            // the commit woke the relay, and it has tried more than once since: it is running, and held back
            Await.until("the relay finds the lock taken", TIMEOUT, () -> relay.lockBusyCount() >= busyBefore + 2);
            assertEquals(1, waiting(event), "no relay may send while another one holds the lock");

            otherReplica.commit();
            // the sweep is set far beyond this timeout in tests: only the relay's own retry can deliver in time
            reader.await(r -> event.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), TIMEOUT);
        }
    }

    @Test
    void aRevocationTravelsInTheRecordHeaders() {
        EventEnvelope event = EventEnvelope.of("probe.member-removed", "test", "outbox-revoke", Map.of("n", 5));
        writer.publishRevoking(event, new Revocation("room:outbox-revoke", List.of("alice", "bob")));
        EventEnvelope everyone = EventEnvelope.of("probe.room-deleted", "test", "outbox-revoke", Map.of("n", 6));
        writer.publishRevoking(everyone, new Revocation("room:outbox-revoke", List.of()));
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC)) {
            ConsumerRecord<String, byte[]> record = reader.await(
                    r -> event.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), TIMEOUT);
            assertEquals("room:outbox-revoke", TopicReader.header(record, EventHeaders.REVOKE));
            assertEquals("alice,bob", TopicReader.header(record, EventHeaders.REVOKE_SUBJECTS));
            ConsumerRecord<String, byte[]> all = reader.await(
                    r -> everyone.id().equals(TopicReader.header(r, EventHeaders.EVENT_ID)), TIMEOUT);
            assertEquals("room:outbox-revoke", TopicReader.header(all, EventHeaders.REVOKE));
            assertNull(TopicReader.header(all, EventHeaders.REVOKE_SUBJECTS), "no subjects: every subscriber");
        }
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        EventEnvelope event = EventEnvelope.of("probe.probed", "test", "outbox-none", Map.of());
        assertThrows(TransactionalException.class, () -> writer.publishWithoutTransaction(event));
    }

    private long waiting(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.countWaiting(event.id()));
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

        @Transactional
        void publishRevoking(EventEnvelope event, Revocation revocation) {
            outbox.publish(TOPIC, event, List.of(Channels.user("probe")), revocation);
        }

        void publishWithoutTransaction(EventEnvelope event) {
            outbox.publish(TOPIC, event, List.of(Channels.user("probe")));
        }
    }
}
