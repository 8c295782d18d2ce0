package dev.realtime.auth.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a refresh by a client that holds its refresh token itself. A browser sends no body: its token
 * is in the {@code rt_refresh} cookie.
 */
@Schema(name = "RefreshRequest")
public record RefreshRequest(@Schema(examples = "q5x2Yb6k0Xb8bWn1c3v4aHkJ9oPzR7sT1uVwXyZ0AbC") String refreshToken) {
}
