package dev.realtime.booking.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.booking.model.Booking;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /** The owner's bookings, newest first. */
    public List<Booking> listByOwner(String ownerId) {
        return list("ownerId = ?1 order by createdAt desc", ownerId);
    }
}
