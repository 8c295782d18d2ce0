package dev.realtime.booking.event;

import java.util.List;
import java.util.UUID;

import dev.realtime.booking.model.Booking;
import dev.realtime.booking.model.BookingAction;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.Topics;

/**
 * The events of a booking and where the gateway delivers them. Written in the transaction of the change, keyed by
 * the booking id, stamped with the change's own time ({@code updatedAt}), so that a consumer can measure how long
 * the change took to reach it.
 */
public final class BookingEvents {

    /** Declared in {@code rt.kafka.topics} so the relay creates it. */
    public static final String TOPIC = Topics.BOOKING_EVENTS;
    public static final String SOURCE = "booking-service";
    public static final String CREATED = "booking.created";

    private BookingEvents() {
    }

    public static EventEnvelope created(Booking booking) {
        return event(CREATED, booking);
    }

    /** The event of an action: {@code booking.confirmed}, {@code booking.cancelled}, and so on. */
    public static EventEnvelope changed(BookingAction action, Booking booking) {
        return event(type(action), booking);
    }

    public static String type(BookingAction action) {
        return switch (action) {
            case CONFIRM -> "booking.confirmed";
            case CANCEL -> "booking.cancelled";
            case COMPLETE -> "booking.completed";
            case PAY -> "booking.paid";
            case REFUND -> "booking.refunded";
        };
    }

    private static EventEnvelope event(String type, Booking booking) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, SOURCE, booking.updatedAt, booking.id.toString(),
                BookingData.of(booking));
    }

    /** A booking's events go to its owner, to the holders of {@code adminRole}, and to the booking's channel. */
    public static List<String> channels(Booking booking, String adminRole) {
        return List.of(
                Channels.user(booking.ownerId),
                Channels.role(adminRole),
                Channels.booking(booking.id.toString()));
    }
}
