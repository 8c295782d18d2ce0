package dev.realtime.auth.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.auth.model.User;

/** What any signed-in user may know of an account: enough to show a name for an id. */
@Schema(name = "Profile", requiredProperties = { "id", "username", "displayName" })
public record ProfileResponse(@Schema(examples = "0b6f6a36-3f4e-4a53-9d0c-5f0f1e9a2c41") UUID id,
        @Schema(examples = "alice") String username, @Schema(examples = "Alice Liddell") String displayName) {

    static ProfileResponse of(User user) {
        return new ProfileResponse(user.id, user.username, user.displayName);
    }
}
