package dev.realtime.booking.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer's booking of seats on a tour. Its status and payment status change only through {@link BookingAction}. */
@Entity
@Table(name = "booking")
public class Booking {

    @Id
    public UUID id;

    /** The JWT subject of the customer who made it. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    /** The tour's first day, copied at booking time so the booking reads alone. */
    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    /** Seats booked. */
    @Column(nullable = false)
    public int guests;

    /** The tour's price times the seats, fixed when booked. */
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status", nullable = false)
    public PaymentStatus paymentStatus;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
