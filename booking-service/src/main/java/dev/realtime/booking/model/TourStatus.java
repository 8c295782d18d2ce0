package dev.realtime.booking.model;

/** Whether a tour takes bookings: only an OPEN one does; CANCELLED is final. */
public enum TourStatus {
    OPEN,
    CLOSED,
    CANCELLED
}
