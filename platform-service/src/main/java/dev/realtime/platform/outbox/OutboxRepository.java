package dev.realtime.platform.outbox;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The outbox table of this service. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /**
     * Takes the transaction-scoped advisory lock of one aggregate, waiting while another transaction holds it.
     * Taken before an outbox row is inserted, it makes the rows of one aggregate get their {@code seq} in the
     * order their transactions commit. The two-key form keeps these locks apart from the relay's one-key lock.
     */
    void lockAggregate(String topic, String key) {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext(:topic), hashtext(:key))")
                .setParameter("topic", topic)
                .setParameter("key", key)
                .getSingleResult();
    }

    /**
     * Tries to take the relay lock for the rest of the transaction; false if another replica holds it.
     */
    boolean tryLockRelay(long lock) {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lock)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** The oldest rows, in insert order. */
    List<OutboxEvent> oldest(int limit) {
        return find("order by seq").page(0, limit).list();
    }

    void deleteRelayed(Collection<Long> seqs) {
        delete("seq in ?1", seqs);
    }

    /** Rows still waiting for this event id: 1 until the relay has had Kafka acknowledge it, then 0. */
    public long countWaiting(String eventId) {
        return count("eventId", UUID.fromString(eventId));
    }
}
