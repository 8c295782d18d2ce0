package dev.realtime.booking.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a customer sends to book a tour. */
public record CreateBookingRequest(
        @NotBlank @Size(max = 64) String tourId,
        @Schema(description = "the tour's day; today or later (UTC)") @NotNull @FutureOrPresent LocalDate startsOn,
        @NotNull @Min(1) @Max(20) Integer guests) {
}
