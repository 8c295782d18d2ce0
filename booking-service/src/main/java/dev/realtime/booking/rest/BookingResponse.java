package dev.realtime.booking.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.booking.model.Booking;

/** A booking as the REST API shows it. */
@Schema(name = "Booking", requiredProperties = { "id", "ownerId", "tourId", "startsOn", "guests", "amount",
        "currency", "status", "paymentStatus", "version", "createdAt", "updatedAt" })
public record BookingResponse(
        @Schema(format = "uuid") String id,
        @Schema(description = "the JWT subject of the customer who booked") String ownerId,
        @Schema(format = "uuid") String tourId,
        @Schema(description = "the tour's first day") LocalDate startsOn,
        @Schema(description = "seats booked") int guests,
        @Schema(description = "the tour's price per seat times the seats, fixed when booked") BigDecimal amount,
        @Schema(description = "ISO 4217") String currency,
        @Schema(enumeration = { "PENDING", "CONFIRMED", "CANCELLED", "COMPLETED" }) String status,
        @Schema(enumeration = { "UNPAID", "PAID", "REFUNDED" }) String paymentStatus,
        @Schema(description = "grows with every change; the ETag is this number in quotes") long version,
        Instant createdAt,
        Instant updatedAt) {

    static BookingResponse of(Booking booking) {
        return new BookingResponse(booking.id.toString(), booking.ownerId, booking.tourId.toString(),
                booking.startsOn, booking.guests, booking.amount, booking.currency, booking.status.name(),
                booking.paymentStatus.name(), booking.version, booking.createdAt, booking.updatedAt);
    }
}
