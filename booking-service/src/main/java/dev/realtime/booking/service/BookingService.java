package dev.realtime.booking.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.realtime.booking.config.BookingConfig;
import dev.realtime.booking.event.BookingEvents;
import dev.realtime.booking.model.Booking;
import dev.realtime.booking.model.BookingStatus;
import dev.realtime.booking.repository.BookingRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;
import dev.realtime.platform.rest.IdempotencyKeys;

/** Bookings and their changes; every change and its event commit together. */
@ApplicationScoped
public class BookingService {

    private final BookingRepository bookings;
    private final Outbox outbox;
    private final BookingConfig config;
    private final IdempotencyKeys idempotency;

    @Inject
    public BookingService(BookingRepository bookings, Outbox outbox, BookingConfig config,
            IdempotencyKeys idempotency) {
        this.bookings = bookings;
        this.outbox = outbox;
        this.config = config;
        this.idempotency = idempotency;
    }

    @Transactional
    public Booking create(String ownerId, String tourId, LocalDate startsOn, int guests, String idempotencyKey) {
        return idempotency.createOnce("booking", ownerId, idempotencyKey, bookings::findByIdOptional,
                id -> book(id, ownerId, tourId, startsOn, guests));
    }

    private Booking book(UUID id, String ownerId, String tourId, LocalDate startsOn, int guests) {
        Instant now = Instant.now();
        Booking booking = new Booking();
        booking.id = id;
        booking.ownerId = ownerId;
        booking.tourId = tourId;
        booking.startsOn = startsOn;
        booking.guests = guests;
        booking.status = BookingStatus.PENDING;
        booking.createdAt = now;
        booking.updatedAt = now;
        bookings.persist(booking);
        outbox.publish(BookingEvents.TOPIC, BookingEvents.created(booking),
                BookingEvents.channels(booking, config.adminRole()));
        return booking;
    }

    /**
     * The booking, if the caller may see it: its owner, or anyone when {@code privileged}. Others get the same
     * 404 as for a missing booking, so ids cannot be probed.
     */
    @Transactional
    public Booking get(UUID id, String callerId, boolean privileged) {
        Booking booking = bookings.findById(id);
        if (booking == null || !(privileged || booking.ownerId.equals(callerId))) {
            throw ProblemException.notFound("booking " + id);
        }
        return booking;
    }

    @Transactional
    public List<Booking> listOwnedBy(String ownerId) {
        return bookings.listByOwner(ownerId);
    }
}
