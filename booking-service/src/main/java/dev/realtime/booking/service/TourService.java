package dev.realtime.booking.service;

import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.realtime.booking.config.BookingConfig;
import dev.realtime.booking.event.BookingEvents;
import dev.realtime.booking.event.TourEvents;
import dev.realtime.booking.model.Booking;
import dev.realtime.booking.model.BookingAction;
import dev.realtime.booking.model.Tour;
import dev.realtime.booking.model.TourStatus;
import dev.realtime.booking.repository.BookingRepository;
import dev.realtime.booking.repository.TourRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.panache.common.Page;

/**
 * Tours: admins create and change them, everyone lists them. A change of a tour is told to the admins and to each
 * customer holding seats on it; cancelling a tour cancels (and refunds) its bookings, each with its own event.
 */
@ApplicationScoped
public class TourService {

    private final TourRepository tours;
    private final BookingRepository bookings;
    private final BookingService bookingChanges;
    private final Outbox outbox;
    private final BookingConfig config;

    @Inject
    public TourService(TourRepository tours, BookingRepository bookings, BookingService bookingChanges, Outbox outbox,
            BookingConfig config) {
        this.tours = tours;
        this.bookings = bookings;
        this.bookingChanges = bookingChanges;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public Tour create(TourDetails details, Caller caller) {
        requireAdmin(caller, "create");
        Instant now = Instant.now();
        Tour tour = new Tour();
        tour.id = UUID.randomUUID();
        apply(details, tour);
        tour.status = TourStatus.OPEN;
        tour.createdAt = now;
        tour.updatedAt = now;
        tours.persist(tour);
        outbox.publish(BookingEvents.TOPIC, TourEvents.event(TourEvents.CREATED, tour),
                TourEvents.createdChannels(config.adminRole()));
        return tour;
    }

    @Transactional
    public Tour get(UUID id) {
        Tour tour = tours.findById(id);
        if (tour == null) {
            throw ProblemException.notFound("tour " + id);
        }
        return tour;
    }

    /** The details of a tour that is not cancelled; its capacity never drops below the seats already held. */
    @Transactional
    public Tour update(UUID id, TourDetails details, Caller caller, Long expectedVersion) {
        requireAdmin(caller, "change");
        Tour tour = lockedForChange(id, expectedVersion);
        if (tour.status == TourStatus.CANCELLED) {
            throw conflict(tour, "a cancelled tour cannot be changed");
        }
        long held = bookings.seatsHeld(id);
        if (details.capacity() < held) {
            throw conflict(tour, held + " seats are booked on tour " + id + "; its capacity cannot drop to "
                    + details.capacity());
        }
        apply(details, tour);
        publishChange(TourEvents.UPDATED, tour, Instant.now(), bookings.customersOf(id));
        return tour;
    }

    @Transactional
    public Tour close(UUID id, Caller caller, Long expectedVersion) {
        return move(id, caller, expectedVersion, TourStatus.OPEN, TourStatus.CLOSED, TourEvents.CLOSED);
    }

    @Transactional
    public Tour open(UUID id, Caller caller, Long expectedVersion) {
        return move(id, caller, expectedVersion, TourStatus.CLOSED, TourStatus.OPEN, TourEvents.OPENED);
    }

    /** Cancels the tour and every booking on it that is pending or confirmed; paid ones are refunded. */
    @Transactional
    public Tour cancel(UUID id, Caller caller, Long expectedVersion) {
        requireAdmin(caller, "cancel");
        Tour tour = lockedForChange(id, expectedVersion);
        if (tour.status == TourStatus.CANCELLED) {
            throw conflict(tour, "tour " + id + " is already cancelled");
        }
        List<String> customers = bookings.customersOf(id);
        Instant now = Instant.now();
        tour.status = TourStatus.CANCELLED;
        // set before the bookings' flushes write the tour, so that the tour is written (and versioned) once
        tour.updatedAt = now;
        for (Booking booking : bookings.lockCancellable(id)) {
            bookingChanges.change(BookingAction.CANCEL, booking, now);
        }
        publishChange(TourEvents.CANCELLED, tour, now, customers);
        return tour;
    }

    @Transactional
    public PageOf<Tour> list(String text, TourStatus status, int page, int size) {
        var query = tours.search(text, status).page(Page.of(page, size));
        return new PageOf<>(query.list(), page, size, query.count());
    }

    /** Seats left on each of these tours. */
    @Transactional
    public Map<UUID, Long> seatsLeft(List<Tour> page) {
        Set<UUID> ids = page.stream().map(tour -> tour.id).collect(Collectors.toSet());
        Map<UUID, Long> held = bookings.seatsHeld(ids);
        return page.stream().collect(Collectors.toMap(tour -> tour.id,
                tour -> Math.max(0, tour.capacity - held.getOrDefault(tour.id, 0L)), (a, b) -> a,
                HashMap::new));
    }

    private Tour move(UUID id, Caller caller, Long expectedVersion, TourStatus from, TourStatus to, String type) {
        requireAdmin(caller, to == TourStatus.OPEN ? "open" : "close");
        Tour tour = lockedForChange(id, expectedVersion);
        if (tour.status != from) {
            throw conflict(tour, "a tour that is " + tour.status + " cannot become " + to);
        }
        tour.status = to;
        publishChange(type, tour, Instant.now(), bookings.customersOf(id));
        return tour;
    }

    private Tour lockedForChange(UUID id, Long expectedVersion) {
        Tour tour = tours.lock(id);
        if (tour == null) {
            throw ProblemException.notFound("tour " + id);
        }
        Preconditions.versionMatches("tour " + id, expectedVersion, tour.version);
        return tour;
    }

    private void publishChange(String type, Tour tour, Instant at, List<String> customers) {
        tour.updatedAt = at;
        tours.flush();
        outbox.publish(BookingEvents.TOPIC, TourEvents.event(type, tour),
                TourEvents.changedChannels(config.adminRole(), customers));
    }

    private static void apply(TourDetails details, Tour tour) {
        if (details.endsOn().isBefore(details.startsOn())) {
            throw new ProblemException(400, "validation", "Invalid request", "endsOn is before startsOn");
        }
        tour.name = details.name();
        tour.description = details.description() == null ? "" : details.description();
        tour.price = details.price();
        tour.currency = details.currency();
        tour.capacity = details.capacity();
        tour.startsOn = details.startsOn();
        tour.endsOn = details.endsOn();
    }

    private static void requireAdmin(Caller caller, String verb) {
        if (!caller.admin()) {
            throw ProblemException.forbidden("only an admin may " + verb + " a tour");
        }
    }

    private static StateConflictException conflict(Tour tour, String detail) {
        return new StateConflictException(detail, Map.of("status", tour.status.name(), "version", tour.version));
    }

}
