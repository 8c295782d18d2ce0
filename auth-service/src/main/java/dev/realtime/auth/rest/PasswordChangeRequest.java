package dev.realtime.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.auth.service.AccountRules;

/**
 * @param currentPassword the password the account has now
 * @param newPassword     8 to 128 characters
 */
@Schema(name = "PasswordChange")
public record PasswordChangeRequest(@Schema(examples = "correct horse battery") @NotNull String currentPassword,
        @Schema(examples = "battery staple horse") @NotNull @Size(min = AccountRules.PASSWORD_MIN,
                max = AccountRules.PASSWORD_MAX, message = AccountRules.PASSWORD_MESSAGE) String newPassword) {
}
