package dev.realtime.booking.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.booking.service.PageOf;
import dev.realtime.booking.model.Booking;

/** One page of bookings, newest first. */
@Schema(name = "BookingPage", requiredProperties = { "items", "page", "size", "total" })
public record BookingPage(List<BookingResponse> items,
        @Schema(description = "the page's number, from 0") int page,
        @Schema(description = "the most items a page holds") int size,
        @Schema(description = "every booking that matches, over all pages") long total) {

    static BookingPage of(PageOf<Booking> page) {
        return new BookingPage(page.items().stream().map(BookingResponse::of).toList(), page.page(), page.size(),
                page.total());
    }
}
