package dev.realtime.auth.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.auth.model.User;

/** An account as its owner sees it; never the password hash. */
@Schema(name = "User", requiredProperties = { "id", "username", "displayName", "roles" })
public record UserResponse(UUID id, String username, String displayName, List<String> roles) {

    static UserResponse of(User user) {
        return new UserResponse(user.id, user.username, user.displayName, List.copyOf(user.roles));
    }
}
