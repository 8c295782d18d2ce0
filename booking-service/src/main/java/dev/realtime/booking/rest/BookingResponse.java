package dev.realtime.booking.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.booking.model.Booking;

/** A booking as the REST API shows it. */
@Schema(name = "Booking", requiredProperties = { "id", "ownerId", "tourId", "startsOn", "guests", "status",
        "createdAt" })
public record BookingResponse(
        @Schema(format = "uuid") String id,
        @Schema(description = "the JWT subject of the customer who booked") String ownerId,
        String tourId,
        LocalDate startsOn,
        int guests,
        @Schema(enumeration = { "PENDING", "CONFIRMED", "CANCELLED" }) String status,
        Instant createdAt) {

    static BookingResponse of(Booking booking) {
        return new BookingResponse(booking.id.toString(), booking.ownerId, booking.tourId, booking.startsOn,
                booking.guests, booking.status.name(), booking.createdAt);
    }
}
