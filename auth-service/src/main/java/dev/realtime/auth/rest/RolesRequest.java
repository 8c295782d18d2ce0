package dev.realtime.auth.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.auth.model.Role;

/** The roles an account is to hold; {@code user} is kept whether listed or not. */
@Schema(name = "Roles")
public record RolesRequest(
        @Schema(examples = "[\"user\",\"admin\"]") @NotNull @Size(max = 2) List<@NotNull @Pattern(regexp = Role.PATTERN,
                message = "must be user or admin") String> roles) {
}
