package dev.realtime.booking.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.booking.config.BookingConfig;
import dev.realtime.booking.model.Booking;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Writes booking events to the outbox, with who receives them: the owner, admins, and the booking's channel. */
@ApplicationScoped
public class BookingEvents {

    public static final String SOURCE = "booking-service";
    public static final String CREATED = "booking.created";

    private final Outbox outbox;
    private final BookingConfig config;

    @Inject
    public BookingEvents(Outbox outbox, BookingConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Must run in the transaction that inserted the booking. */
    public void created(Booking booking) {
        EventEnvelope event = EventEnvelope.of(CREATED, SOURCE, booking.id.toString(), BookingData.of(booking));
        outbox.publish(config.topic(), event, channels(booking));
    }

    private List<String> channels(Booking booking) {
        return List.of(
                Channels.user(booking.ownerId),
                Channels.role(config.adminRole()),
                Channels.booking(booking.id.toString()));
    }

    /** The {@code data} of a booking event: the booking as it is after the change. */
    @RegisterForReflection
    public record BookingData(String id, String ownerId, String tourId, LocalDate startsOn, int guests,
            String status, Instant createdAt, Instant updatedAt) {

        static BookingData of(Booking booking) {
            return new BookingData(booking.id.toString(), booking.ownerId, booking.tourId, booking.startsOn,
                    booking.guests, booking.status.name(), booking.createdAt, booking.updatedAt);
        }
    }
}
