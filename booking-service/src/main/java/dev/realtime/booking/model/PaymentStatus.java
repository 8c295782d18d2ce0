package dev.realtime.booking.model;

/** Whether the customer has paid: UNPAID, then PAID, then REFUNDED. */
public enum PaymentStatus {
    UNPAID,
    PAID,
    REFUNDED
}
