package dev.realtime.platform.inbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The inbox table of this service. */
@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxEvent, InboxEvent.Key> {

    /**
     * Records that the consumer processes this event, in the caller's transaction. Returns false if it already
     * had: then the caller must not apply the effect again. A concurrent transaction recording the same event
     * makes this one wait on the primary key until it ends.
     */
    public boolean recordFirstDelivery(String consumer, String eventId, Instant now) {
        int inserted = getEntityManager()
                .createNativeQuery("insert into inbox_event (consumer, event_id, processed_at) values (:consumer, :id, :now)"
                        + " on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1;
    }

    /** Whether the consumer has processed this event. */
    public boolean contains(String consumer, String eventId) {
        return findByIdOptional(new InboxEvent.Key(consumer, eventId)).isPresent();
    }

    /** Deletes the entries processed before the cutoff; returns how many. */
    long deleteProcessedBefore(Instant cutoff) {
        return delete("processedAt < ?1", cutoff);
    }
}
