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

/** A tour that customers book seats on; admins manage it. */
@Entity
@Table(name = "tour")
public class Tour {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    /** Per seat, in {@link #currency}. */
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal price;

    /** ISO 4217 code. */
    @Column(nullable = false)
    public String currency;

    /** Seats on the tour; the bookings that hold seats never add up to more. */
    @Column(nullable = false)
    public int capacity;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TourStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
