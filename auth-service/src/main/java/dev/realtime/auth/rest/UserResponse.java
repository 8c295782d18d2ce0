package dev.realtime.auth.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.auth.model.User;

/** An account as its owner or an admin sees it; never the password hash. */
@Schema(name = "User", requiredProperties = { "id", "username", "displayName", "roles", "disabled" })
public record UserResponse(@Schema(examples = "0b6f6a36-3f4e-4a53-9d0c-5f0f1e9a2c41") UUID id,
        @Schema(examples = "alice") String username, @Schema(examples = "Alice Liddell") String displayName,
        @Schema(examples = "[\"user\"]") List<String> roles, @Schema(examples = "false") boolean disabled) {

    static UserResponse of(User user) {
        return new UserResponse(user.id, user.username, user.displayName, List.copyOf(user.roles), user.disabled());
    }
}
