package dev.realtime.booking.event;

import java.time.Instant;
import java.time.LocalDate;

import dev.realtime.booking.model.Booking;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of a booking event: the booking as it is after the change. */
@RegisterForReflection
public record BookingData(String id, String ownerId, String tourId, LocalDate startsOn, int guests,
        String status, Instant createdAt, Instant updatedAt) {

    public static BookingData of(Booking booking) {
        return new BookingData(booking.id.toString(), booking.ownerId, booking.tourId, booking.startsOn,
                booking.guests, booking.status.name(), booking.createdAt, booking.updatedAt);
    }
}
