package dev.realtime.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.realtime.auth.service.AccountRules;

/**
 * @param username    3 to 32 letters, digits, '.', '_' or '-'; case-insensitive, stored lower-cased
 * @param password    8 to 128 characters
 * @param displayName optional, at most 64 characters; the username when absent
 */
public record RegisterRequest(
        @NotNull @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = AccountRules.USERNAME_MESSAGE) String username,
        @NotNull @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX, message = AccountRules.PASSWORD_MESSAGE) String password,
        @Size(max = AccountRules.DISPLAY_NAME_MAX, message = "must be at most 64 characters") String displayName) {
}
