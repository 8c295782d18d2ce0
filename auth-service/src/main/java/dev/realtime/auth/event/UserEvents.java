package dev.realtime.auth.event;

import java.util.List;

import dev.realtime.auth.model.User;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventEnvelope;

/** The events auth-service publishes, and where the gateway delivers them. */
public final class UserEvents {

    /** The delivery topic of account events; declared in {@code rt.kafka.topics}. */
    public static final String TOPIC = "auth.user-events";
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
