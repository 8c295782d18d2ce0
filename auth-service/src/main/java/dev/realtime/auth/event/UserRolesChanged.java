package dev.realtime.auth.event;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code data} of {@code user.roles-changed}: the roles the account holds from now on, and before. */
@RegisterForReflection
public record UserRolesChanged(String id, List<String> roles, List<String> previousRoles) {
}
