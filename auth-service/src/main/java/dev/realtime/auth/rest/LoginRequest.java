package dev.realtime.auth.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Only presence is checked here: a username or password that could never be registered simply does not
 * match, and is answered like any other wrong credentials.
 *
 * @param refreshIn where the refresh token goes: {@code cookie} (the default, for browsers) or {@code body}
 */
@Schema(name = "LoginRequest", requiredProperties = { "username", "password" })
public record LoginRequest(@Schema(examples = "alice") @NotNull String username,
        @Schema(examples = "correct horse battery") @NotNull String password,
        @Schema(defaultValue = "cookie") RefreshTransport refreshIn) {

    RefreshTransport transport() {
        return refreshIn == null ? RefreshTransport.COOKIE : refreshIn;
    }
}
