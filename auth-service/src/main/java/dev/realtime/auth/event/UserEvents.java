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
    public static final String ROLES_CHANGED = "user.roles-changed";
    public static final String DISABLED = "user.disabled";

    private UserEvents() {
    }

    public static EventEnvelope registered(User user) {
        return EventEnvelope.of(REGISTERED, SOURCE, user.id.toString(), UserRegistered.of(user));
    }

    public static EventEnvelope rolesChanged(User user, List<String> previousRoles) {
        return EventEnvelope.of(ROLES_CHANGED, SOURCE, user.id.toString(),
                new UserRolesChanged(user.id.toString(), List.copyOf(user.roles), List.copyOf(previousRoles)));
    }

    public static EventEnvelope disabled(User user) {
        return EventEnvelope.of(DISABLED, SOURCE, user.id.toString(),
                new UserDisabled(user.id.toString(), user.username, user.disabledAt.toString()));
    }

    /** An account's events go to that user's own connections only. */
    public static List<String> channels(User user) {
        return List.of(Channels.user(user.id.toString()));
    }
}
