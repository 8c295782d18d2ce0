package dev.realtime.booking.model;

/** Where a booking is in its life: PENDING, then CONFIRMED or CANCELLED; CONFIRMED, then COMPLETED or CANCELLED. */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    CANCELLED,
    COMPLETED;

    /** Whether a booking in this status holds its seats on the tour. */
    public boolean holdsSeats() {
        return this != CANCELLED;
    }
}
