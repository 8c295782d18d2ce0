package dev.realtime.auth.rest;

import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.RestResponse;

import dev.realtime.auth.service.Sessions;

/**
 * The browser's refresh token: {@code HttpOnly} (page scripts never see it), {@code Secure}, {@code SameSite=Strict}
 * (never sent on a cross-site request, so no other site can make the browser refresh) and scoped to
 * {@value #PATH}, the one call that needs it.
 */
final class RefreshCookie {

    static final String NAME = "rt_refresh";
    static final String PATH = "/auth/refresh";

    private RefreshCookie() {
    }

    /** The token response, with the refresh token in the body or in the cookie as the client asked. */
    static RestResponse<TokenResponse> respond(Sessions.Session session, RefreshTransport transport) {
        RestResponse.ResponseBuilder<TokenResponse> response = RestResponse.ResponseBuilder
                .ok(TokenResponse.of(session, transport));
        if (transport == RefreshTransport.COOKIE) {
            response.cookie(cookie(session.refreshToken(), (int) session.refreshExpiresInSeconds()));
        }
        return response.build();
    }

    /** A cookie that makes the browser forget the refresh token. */
    static NewCookie cleared() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path(PATH)
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
