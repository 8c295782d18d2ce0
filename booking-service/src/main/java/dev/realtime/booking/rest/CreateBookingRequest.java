package dev.realtime.booking.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a customer sends to book seats on a tour. The day is the tour's own first day. */
public record CreateBookingRequest(
        @Schema(description = "the tour, as listed by GET /tours") @NotNull UUID tourId,
        @Schema(description = "seats to book") @NotNull @Min(1) @Max(20) Integer guests) {
}
