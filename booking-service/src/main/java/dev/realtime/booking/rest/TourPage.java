package dev.realtime.booking.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of tours, by first day. */
@Schema(name = "TourPage", requiredProperties = { "items", "page", "size", "total" })
public record TourPage(List<TourResponse> items,
        @Schema(description = "the page's number, from 0") int page,
        @Schema(description = "the most items a page holds") int size,
        @Schema(description = "every tour that matches, over all pages") long total) {
}
