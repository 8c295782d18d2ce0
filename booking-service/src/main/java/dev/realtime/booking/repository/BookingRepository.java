package dev.realtime.booking.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.realtime.booking.model.Booking;
import dev.realtime.booking.model.BookingStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    private static final List<BookingStatus> HOLDING_SEATS = List.of(BookingStatus.PENDING, BookingStatus.CONFIRMED,
            BookingStatus.COMPLETED);

    /** The booking, its row locked until the transaction ends, so that its changes are taken one at a time. */
    public Booking lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The owner of a booking, or null if there is none: the access check reads nothing else. */
    public String ownerOf(UUID id) {
        return getEntityManager().createQuery("select b.ownerId from Booking b where b.id = :id", String.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    /** Seats held on a tour by its bookings that are not cancelled. */
    public long seatsHeld(UUID tourId) {
        return getEntityManager().createQuery(
                "select coalesce(sum(b.guests), 0) from Booking b where b.tourId = :tour and b.status in :holding",
                Long.class).setParameter("tour", tourId).setParameter("holding", HOLDING_SEATS).getSingleResult();
    }

    /** Seats held on each of these tours; a tour with none is absent. */
    public Map<UUID, Long> seatsHeld(Collection<UUID> tourIds) {
        if (tourIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> held = new HashMap<>();
        getEntityManager().createQuery("select b.tourId, sum(b.guests) from Booking b where b.tourId in :tours"
                + " and b.status in :holding group by b.tourId", Object[].class)
                .setParameter("tours", tourIds).setParameter("holding", HOLDING_SEATS)
                .getResultList().forEach(row -> held.put((UUID) row[0], ((Number) row[1]).longValue()));
        return held;
    }

    /** The bookings of a tour that can still be cancelled (pending or confirmed), locked, oldest first. */
    public List<Booking> lockCancellable(UUID tourId) {
        return find("tourId = ?1 and status in ?2 order by createdAt, id", tourId,
                List.of(BookingStatus.PENDING, BookingStatus.CONFIRMED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The customers holding seats on a tour. */
    public List<String> customersOf(UUID tourId) {
        return getEntityManager().createQuery(
                "select distinct b.ownerId from Booking b where b.tourId = :tour and b.status in :holding",
                String.class).setParameter("tour", tourId).setParameter("holding", HOLDING_SEATS).getResultList();
    }

    /**
     * Bookings newest first, filtered by whichever of owner, tour and status is given.
     */
    public PanacheQuery<Booking> search(String ownerId, UUID tourId, BookingStatus status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (ownerId != null) {
            where.append(" and ownerId = :owner");
            parameters.and("owner", ownerId);
        }
        if (tourId != null) {
            where.append(" and tourId = :tour");
            parameters.and("tour", tourId);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(where + " order by createdAt desc, id", parameters);
    }
}
