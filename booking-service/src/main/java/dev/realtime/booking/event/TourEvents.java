package dev.realtime.booking.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.realtime.booking.model.Tour;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;

/**
 * The events of a tour, on {@code booking.events} keyed by the tour id. A new tour is news for everyone; a change
 * of a tour is news for the admins and for the customers holding seats on it.
 */
public final class TourEvents {

    public static final String CREATED = "tour.created";
    public static final String UPDATED = "tour.updated";
    public static final String CLOSED = "tour.closed";
    public static final String OPENED = "tour.opened";
    public static final String CANCELLED = "tour.cancelled";

    private TourEvents() {
    }

    public static EventEnvelope event(String type, Tour tour) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, BookingEvents.SOURCE, tour.updatedAt,
                tour.id.toString(), TourData.of(tour));
    }

    public static List<String> createdChannels(String adminRole) {
        return List.of(Channels.role(adminRole), Channels.BROADCAST);
    }

    /** The admins and every customer with a booking holding seats on the tour. */
    public static List<String> changedChannels(String adminRole, Collection<String> customers) {
        List<String> channels = new ArrayList<>(customers.size() + 1);
        channels.add(Channels.role(adminRole));
        customers.forEach(customer -> channels.add(Channels.user(customer)));
        return channels;
    }
}
