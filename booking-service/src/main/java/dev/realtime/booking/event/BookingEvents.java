package dev.realtime.booking.event;

import java.util.List;

import dev.realtime.booking.model.Booking;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.Topics;

/**
 * The events booking-service publishes and where the gateway delivers them. Written in the transaction of
 * the change: {@code outbox.publish(BookingEvents.TOPIC, BookingEvents.created(booking),
 * BookingEvents.channels(booking, adminRole))}.
 */
public final class BookingEvents {

    /** Declared in {@code rt.kafka.topics} so the relay creates it. */
    public static final String TOPIC = Topics.BOOKING_EVENTS;
    public static final String SOURCE = "booking-service";
    public static final String CREATED = "booking.created";

    private BookingEvents() {
    }

    public static EventEnvelope created(Booking booking) {
        return EventEnvelope.of(CREATED, SOURCE, booking.id.toString(), BookingData.of(booking));
    }

    /** A booking's events go to its owner, to the holders of {@code adminRole}, and to the booking's channel. */
    public static List<String> channels(Booking booking, String adminRole) {
        return List.of(
                Channels.user(booking.ownerId),
                Channels.role(adminRole),
                Channels.booking(booking.id.toString()));
    }
}
