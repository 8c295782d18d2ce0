package dev.realtime.booking.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.booking.model.Tour;

/** A tour as the REST API shows it. */
@Schema(name = "Tour", requiredProperties = { "id", "name", "description", "price", "currency", "capacity",
        "seatsLeft", "startsOn", "endsOn", "status", "version", "updatedAt" })
public record TourResponse(
        @Schema(format = "uuid") String id,
        String name,
        String description,
        @Schema(description = "per seat") BigDecimal price,
        String currency,
        int capacity,
        @Schema(description = "seats not held by a pending, confirmed or completed booking") long seatsLeft,
        LocalDate startsOn,
        LocalDate endsOn,
        @Schema(enumeration = { "OPEN", "CLOSED", "CANCELLED" }, description = "only an OPEN tour takes bookings")
        String status,
        @Schema(description = "grows with every change; the ETag is this number in quotes") long version,
        Instant updatedAt) {

    static TourResponse of(Tour tour, long seatsLeft) {
        return new TourResponse(tour.id.toString(), tour.name, tour.description, tour.price, tour.currency,
                tour.capacity, seatsLeft, tour.startsOn, tour.endsOn, tour.status.name(), tour.version,
                tour.updatedAt);
    }
}
