package dev.realtime.booking.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a customer sends to book a tour. */
public record CreateBookingRequest(
        @NotBlank @Size(max = 64) String tourId,
        @NotNull @FutureOrPresent LocalDate startsOn,
        @Min(1) @Max(20) int guests) {
}
