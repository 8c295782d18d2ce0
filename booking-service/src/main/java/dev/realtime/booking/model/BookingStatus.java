package dev.realtime.booking.model;

/** Where a booking is in its life. Transitions beyond creation belong to the booking state machine. */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    CANCELLED
}
