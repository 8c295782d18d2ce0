package dev.realtime.chat.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long a member's sends are refused. */
@Schema(name = "Mute", requiredProperties = { "seconds" })
public record MuteRequest(
        @Schema(description = "from now; 0 lifts a mute; at most 30 days") @NotNull @Min(0) @Max(2_592_000) Long seconds) {
}
