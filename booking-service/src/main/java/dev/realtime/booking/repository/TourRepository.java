package dev.realtime.booking.repository;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.realtime.booking.model.Tour;
import dev.realtime.booking.model.TourStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class TourRepository implements PanacheRepositoryBase<Tour, UUID> {

    /**
     * The tour, its row locked until the transaction ends: seat counts and status checks of concurrent bookings on
     * one tour are then taken one after the other.
     */
    public Tour lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Tours by first day, optionally only those whose name or description holds {@code text}, or of a status. */
    public PanacheQuery<Tour> search(String text, TourStatus status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (text != null && !text.isBlank()) {
            // locate, not like: the text is matched literally, % and _ included
            where.append(" and (locate(:text, lower(name)) > 0 or locate(:text, lower(description)) > 0)");
            parameters.and("text", text.toLowerCase(Locale.ROOT));
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(where + " order by startsOn, id", parameters);
    }
}
