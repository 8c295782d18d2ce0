package dev.realtime.booking.service;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an admin sets on a tour, checked for shape by the REST layer. */
public record TourDetails(String name, String description, BigDecimal price, String currency, int capacity,
        LocalDate startsOn, LocalDate endsOn) {
}
