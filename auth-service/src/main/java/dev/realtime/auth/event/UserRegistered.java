package dev.realtime.auth.event;

import java.util.List;

import dev.realtime.auth.model.User;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of a {@code user.registered} event. Deliberately small: what other services and the
 * user's own sessions need to know about a new account, and never anything secret.
 */
@RegisterForReflection
public record UserRegistered(String id, String username, String displayName, List<String> roles) {

    public static UserRegistered of(User user) {
        return new UserRegistered(user.id.toString(), user.username, user.displayName, List.copyOf(user.roles));
    }
}
