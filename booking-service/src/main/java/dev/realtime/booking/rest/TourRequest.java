package dev.realtime.booking.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.booking.service.TourDetails;

/** What an admin sets on a tour, to create it or to change it. */
public record TourRequest(
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "free text; absent is empty") @Size(max = 4000) String description,
        @Schema(description = "per seat, at most two decimals") @NotNull @DecimalMin("0") @Digits(integer = 10,
                fraction = 2) BigDecimal price,
        @Schema(description = "ISO 4217, upper case") @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency,
        @Schema(description = "seats on the tour") @NotNull @Min(1) @Max(100000) Integer capacity,
        @Schema(description = "first day, today or later (UTC)") @NotNull @FutureOrPresent LocalDate startsOn,
        @Schema(description = "last day, not before startsOn") @NotNull LocalDate endsOn) {

    TourDetails details() {
        return new TourDetails(name, description, price, currency, capacity, startsOn, endsOn);
    }
}
