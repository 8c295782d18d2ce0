package dev.realtime.booking.model;

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

/** A customer's booking of a tour on a day. */
@Entity
@Table(name = "booking")
public class Booking {

    @Id
    public UUID id;

    /** The JWT subject of the customer who made it. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "tour_id", nullable = false)
    public String tourId;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(nullable = false)
    public int guests;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
