package dev.realtime.booking.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.realtime.booking.config.BookingConfig;
import dev.realtime.booking.event.BookingEvents;
import dev.realtime.booking.model.Booking;
import dev.realtime.booking.model.BookingAction;
import dev.realtime.booking.model.BookingStatus;
import dev.realtime.booking.model.PaymentStatus;
import dev.realtime.booking.model.Tour;
import dev.realtime.booking.model.TourStatus;
import dev.realtime.booking.repository.BookingRepository;
import dev.realtime.booking.repository.TourRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;
import dev.realtime.platform.rest.IdempotencyKeys;
import io.quarkus.panache.common.Page;

/**
 * Bookings and their changes; every change and its event commit together. A booking that the caller may not see
 * is answered like a missing one (404), so its existence is not revealed; a caller who sees it but may not take
 * an action gets 403.
 */
@ApplicationScoped
public class BookingService {

    private final BookingRepository bookings;
    private final TourRepository tours;
    private final Outbox outbox;
    private final BookingConfig config;
    private final IdempotencyKeys idempotency;

    @Inject
    public BookingService(BookingRepository bookings, TourRepository tours, Outbox outbox, BookingConfig config,
            IdempotencyKeys idempotency) {
        this.bookings = bookings;
        this.tours = tours;
        this.outbox = outbox;
        this.config = config;
        this.idempotency = idempotency;
    }

    @Transactional
    public Booking create(String ownerId, UUID tourId, int guests, String idempotencyKey) {
        return idempotency.createOnce("booking", ownerId, idempotencyKey, bookings::findByIdOptional,
                id -> book(id, ownerId, tourId, guests));
    }

    private Booking book(UUID id, String ownerId, UUID tourId, int guests) {
        // the tour's row lock makes the seat count below and this insert one step for concurrent bookings
        Tour tour = tours.lock(tourId);
        if (tour == null) {
            throw ProblemException.notFound("tour " + tourId);
        }
        if (tour.status != TourStatus.OPEN) {
            throw new StateConflictException("tour " + tourId + " is " + tour.status + " and takes no bookings",
                    Map.of("status", tour.status.name(), "version", tour.version));
        }
        long left = tour.capacity - bookings.seatsHeld(tourId);
        if (guests > left) {
            throw new StateConflictException("tour " + tourId + " has " + left + " seats left, " + guests
                    + " were asked for", Map.of("status", tour.status.name(), "seatsLeft", left, "version",
                            tour.version));
        }
        Instant now = Instant.now();
        Booking booking = new Booking();
        booking.id = id;
        booking.ownerId = ownerId;
        booking.tourId = tourId;
        booking.startsOn = tour.startsOn;
        booking.guests = guests;
        booking.amount = tour.price.multiply(BigDecimal.valueOf(guests));
        booking.currency = tour.currency;
        booking.status = BookingStatus.PENDING;
        booking.paymentStatus = PaymentStatus.UNPAID;
        booking.createdAt = now;
        booking.updatedAt = now;
        bookings.persist(booking);
        outbox.publish(BookingEvents.TOPIC, BookingEvents.created(booking),
                BookingEvents.channels(booking, config.adminRole()));
        return booking;
    }

    /** The booking, if the caller may see it: its owner or an admin. */
    @Transactional
    public Booking get(UUID id, Caller caller) {
        Booking booking = bookings.findById(id);
        if (booking == null || !(caller.admin() || booking.ownerId.equals(caller.subject()))) {
            throw hidden(id);
        }
        return booking;
    }

    /**
     * Whether the caller may subscribe to {@code booking:{id}}: its customer or an admin. One primary-key read of
     * the owner; refused as 404 for a booking that does not exist and for one that is not the caller's alike.
     */
    @Transactional
    public void checkAccess(UUID id, Caller caller) {
        String owner = bookings.ownerOf(id);
        if (owner == null || !(caller.admin() || owner.equals(caller.subject()))) {
            throw hidden(id);
        }
    }

    /**
     * Takes a named action on a booking. The row is locked first, so concurrent actions on one booking are taken
     * one after the other and its events leave the outbox in commit order.
     *
     * @param expectedVersion the version the client's {@code If-Match} names, or null for none
     */
    @Transactional
    public Booking act(UUID id, BookingAction action, Caller caller, Long expectedVersion) {
        Booking booking = bookings.lock(id);
        boolean owner = booking != null && booking.ownerId.equals(caller.subject());
        if (booking == null || !(owner || caller.admin())) {
            throw hidden(id);
        }
        if (!action.actor().permits(owner, caller.admin())) {
            throw ProblemException.forbidden(switch (action.actor()) {
                case ADMIN -> "only an admin may " + action.pathName() + " a booking";
                case CUSTOMER -> "only the booking's customer may " + action.pathName() + " it";
                case CUSTOMER_OR_ADMIN -> "only the booking's customer or an admin may " + action.pathName() + " it";
            });
        }
        Preconditions.versionMatches("booking " + id, expectedVersion, booking.version);
        if (!action.allowedFrom(booking)) {
            throw illegal(action, booking);
        }
        change(action, booking, Instant.now());
        return booking;
    }

    /** Applies an allowed action and publishes its event; the booking's row is locked by the caller. */
    void change(BookingAction action, Booking booking, Instant at) {
        action.applyTo(booking);
        booking.updatedAt = at;
        // the version the event carries is the one the update writes
        bookings.flush();
        outbox.publish(BookingEvents.TOPIC, BookingEvents.changed(action, booking),
                BookingEvents.channels(booking, config.adminRole()));
    }

    @Transactional
    public PageOf<Booking> list(String ownerId, UUID tourId, BookingStatus status, int page, int size) {
        var query = bookings.search(ownerId, tourId, status).page(Page.of(page, size));
        return new PageOf<>(query.list(), page, size, query.count());
    }

    private static StateConflictException illegal(BookingAction action, Booking booking) {
        return new StateConflictException("a booking that is " + booking.status + " and " + booking.paymentStatus
                + " cannot be " + BookingEvents.type(action).substring("booking.".length()),
                Map.of("status", booking.status.name(), "paymentStatus", booking.paymentStatus.name(),
                        "version", booking.version));
    }

    private static ProblemException hidden(UUID id) {
        return ProblemException.notFound("booking " + id);
    }
}
