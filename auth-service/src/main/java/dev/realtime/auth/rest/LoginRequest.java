package dev.realtime.auth.rest;

import jakarta.validation.constraints.NotNull;

/**
 * Only presence is checked here: a username or password that could never be registered simply does not
 * match, and is answered like any other wrong credentials.
 */
public record LoginRequest(@NotNull String username, @NotNull String password) {
}
