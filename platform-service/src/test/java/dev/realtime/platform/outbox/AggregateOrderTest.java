package dev.realtime.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Concurrent transactions that change one aggregate: its events reach Kafka in the order the transactions
 * committed. The writers lock nothing themselves, so the order can only come from {@link Outbox#publish}.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "platform_probe"))
class AggregateOrderTest {

    private static final String TOPIC = "probe.order";
    private static final int THREADS = 8;
    private static final int CHANGES_PER_THREAD = 10;

    @Inject
    Writer writer;

    @Inject
    EntityManager entityManager;

    @Test
    void eventsOfOneAggregateArriveInCommitOrder() throws Exception {
        String aggregate = "aggregate-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < CHANGES_PER_THREAD; i++) {
                        writer.change(aggregate);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : writers) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> commitOrder = commitOrder(aggregate);
        assertEquals(THREADS * CHANGES_PER_THREAD, commitOrder.size());
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC)) {
            String last = commitOrder.get(commitOrder.size() - 1);
            // the last to commit is the last to arrive, if order holds; otherwise wait for all of them
            reader.await(r -> aggregate.equals(r.key()) && last.equals(TopicReader.header(r, EventHeaders.EVENT_ID)),
                    Duration.ofSeconds(30));
            List<String> kafkaOrder = reader.seen().stream()
                    .filter(r -> aggregate.equals(r.key()))
                    .map(r -> TopicReader.header(r, EventHeaders.EVENT_ID))
                    .toList();
            assertEquals(commitOrder.size(), kafkaOrder.size(), "events lost or duplicated on Kafka");
            for (int i = 0; i < commitOrder.size(); i++) {
                assertEquals(commitOrder.get(i), kafkaOrder.get(i), "event " + i + " of the aggregate on Kafka is not the "
                        + i + "th to commit: the events are not in commit order");
            }
        }
    }

    /** The probe rows of the aggregate's transactions, by the time PostgreSQL recorded for each commit. */
    @SuppressWarnings("unchecked")
    private List<String> commitOrder(String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select event_id from probe_commit where subject = :subject"
                        + " order by pg_xact_commit_timestamp(xmin), xmin::text::bigint")
                .setParameter("subject", aggregate)
                .getResultList());
    }

    @ApplicationScoped
    static class Writer {

        @Inject
        Outbox outbox;

        @Inject
        EntityManager entityManager;

        /**
         * One change of the aggregate: its event, a probe row of this transaction, then a random pause before the
         * commit. The pause is the point: it lets a transaction that published later commit first.
         */
        @Transactional
        void change(String aggregate) {
            EventEnvelope event = EventEnvelope.of("probe.changed", "test", aggregate, Map.of());
            outbox.publish(TOPIC, event, List.of(Channels.user("probe")));
            entityManager.createNativeQuery("insert into probe_commit (event_id, subject) values (:id, :subject)")
                    .setParameter("id", event.id())
                    .setParameter("subject", aggregate)
                    .executeUpdate();
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
