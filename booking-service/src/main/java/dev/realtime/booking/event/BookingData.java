package dev.realtime.booking.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dev.realtime.booking.model.Booking;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of every booking event: the booking as it is after the change. The first eight fields are
 * those of {@code booking.created} since its first version (chat-service reads them); fields are only ever added.
 *
 * @param guests the seats booked
 * @param version the booking's version after the change, the value of its ETag
 */
@RegisterForReflection
public record BookingData(String id, String ownerId, String tourId, LocalDate startsOn, int guests,
        String status, Instant createdAt, Instant updatedAt, String paymentStatus, BigDecimal amount, String currency,
        long version) {

    public static BookingData of(Booking booking) {
        return new BookingData(booking.id.toString(), booking.ownerId, booking.tourId.toString(), booking.startsOn,
                booking.guests, booking.status.name(), booking.createdAt, booking.updatedAt,
                booking.paymentStatus.name(), booking.amount, booking.currency, booking.version);
    }
}
