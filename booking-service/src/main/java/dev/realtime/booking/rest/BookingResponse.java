package dev.realtime.booking.rest;

import java.time.Instant;
import java.time.LocalDate;

import dev.realtime.booking.model.Booking;

/** A booking as the REST API shows it. */
public record BookingResponse(String id, String ownerId, String tourId, LocalDate startsOn, int guests,
        String status, Instant createdAt) {

    static BookingResponse of(Booking booking) {
        return new BookingResponse(booking.id.toString(), booking.ownerId, booking.tourId, booking.startsOn,
                booking.guests, booking.status.name(), booking.createdAt);
    }
}
