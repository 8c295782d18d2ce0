package dev.realtime.booking.service;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param total every item that matches, over all pages
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
