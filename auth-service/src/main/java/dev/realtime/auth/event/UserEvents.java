package dev.realtime.auth.event;

import java.util.List;

import dev.realtime.auth.model.User;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.event.Topics;

/**
 * The events auth-service publishes and where the gateway delivers them. Written in the transaction of the
 * change: {@code outbox.publish(UserEvents.TOPIC, UserEvents.registered(user), UserEvents.channels(user))}.
 */
public final class UserEvents {

    /** Declared in {@code rt.kafka.topics} so the relay creates it. */
    public static final String TOPIC = Topics.AUTH_USER_EVENTS;
    public static final String SOURCE = "auth-service";
    public static final String REGISTERED = "user.registered";

    private UserEvents() {
    }

    public static EventEnvelope registered(User user) {
        return EventEnvelope.of(REGISTERED, SOURCE, user.id.toString(), UserRegistered.of(user));
    }

    /** An account's events go to that user's own connections only. */
    public static List<String> channels(User user) {
        return List.of(Channels.user(user.id.toString()));
    }
}
