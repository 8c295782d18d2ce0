package dev.realtime.auth.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an admin's user search. */
@Schema(name = "UserPage", requiredProperties = { "items", "page", "size", "total" })
public record UserPage(List<UserResponse> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
        @Schema(examples = "1") long total) {
}
