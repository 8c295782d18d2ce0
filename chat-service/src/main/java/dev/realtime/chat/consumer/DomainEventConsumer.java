package dev.realtime.chat.consumer;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.chat.config.ChatConfig;
import dev.realtime.chat.event.BookingCreated;
import dev.realtime.chat.event.UserRegistered;
import dev.realtime.chat.model.AdminUser;
import dev.realtime.chat.repository.AdminUserRepository;
import dev.realtime.chat.service.RoomService;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.inbox.Inbox;
import dev.realtime.platform.inbox.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the other services' events chat-service acts on: {@code booking.created} opens the booking's room,
 * and {@code user.registered} of an admin makes them a member of the booking rooms opened from then on. Other
 * types on those topics are none of chat's business and pass.
 */
@ApplicationScoped
public class DomainEventConsumer {

    public static final String BOOKINGS = "booking-events";
    public static final String USERS = "auth-user-events";

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final RoomService rooms;
    private final AdminUserRepository admins;
    private final ChatConfig config;

    @Inject
    public DomainEventConsumer(Inbox inbox, ObjectMapper mapper, RoomService rooms, AdminUserRepository admins,
            ChatConfig config) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.rooms = rooms;
        this.admins = admins;
        this.config = config;
    }

    @Incoming(BOOKINGS)
    @Blocking
    void bookings(ConsumerRecord<String, byte[]> record) {
        inbox.consume(BOOKINGS, record, event -> {
            if (BookingCreated.TYPE.equals(event.type())) {
                BookingCreated booking = read(event, BookingCreated.class);
                if (booking.id() == null || booking.ownerId() == null) {
                    throw new PoisonRecordException("booking.created " + event.id() + " has no id or ownerId");
                }
                rooms.bookingRoom(booking.id(), booking.ownerId());
            }
        });
    }

    @Incoming(USERS)
    @Blocking
    void users(ConsumerRecord<String, byte[]> record) {
        inbox.consume(USERS, record, event -> {
            if (UserRegistered.TYPE.equals(event.type())) {
                UserRegistered user = read(event, UserRegistered.class);
                if (user.id() != null && user.roles() != null && user.roles().contains(config.adminRole())
                        && admins.findByIdOptional(user.id()).isEmpty()) {
                    AdminUser admin = new AdminUser();
                    admin.userId = user.id();
                    admin.registeredAt = Instant.now();
                    admins.persist(admin);
                }
            }
        });
    }

    private <T> T read(EventEnvelope event, Class<T> type) {
        try {
            return mapper.convertValue(event.data(), type);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(event.type() + " " + event.id() + " has no readable data: " + e.getMessage(), e);
        }
    }
}
