package dev.realtime.auth.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of {@code user.disabled}. The account's sessions are revoked in the same transaction; its access
 * tokens already issued stay valid until they expire, so a listener (the gateway) should end what it holds.
 */
@RegisterForReflection
public record UserDisabled(String id, String username, String disabledAt) {
}
