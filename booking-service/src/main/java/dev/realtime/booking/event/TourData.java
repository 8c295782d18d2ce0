package dev.realtime.booking.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dev.realtime.booking.model.Tour;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of every tour event: the tour as it is after the change. */
@RegisterForReflection
public record TourData(String id, String name, String description, BigDecimal price, String currency, int capacity,
        LocalDate startsOn, LocalDate endsOn, String status, Instant updatedAt, long version) {

    public static TourData of(Tour tour) {
        return new TourData(tour.id.toString(), tour.name, tour.description, tour.price, tour.currency, tour.capacity,
                tour.startsOn, tour.endsOn, tour.status.name(), tour.updatedAt, tour.version);
    }
}
