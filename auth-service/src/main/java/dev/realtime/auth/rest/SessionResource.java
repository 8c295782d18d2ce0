package dev.realtime.auth.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestResponse;

import dev.realtime.auth.service.Sessions;
import dev.realtime.auth.service.TokenIssuer;
import io.quarkus.security.Authenticated;

/** Refreshing and ending sessions. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "Refresh tokens: rotation, logout")
public class SessionResource {

    private final Sessions sessions;
    private final JsonWebToken caller;

    @Inject
    public SessionResource(Sessions sessions, JsonWebToken caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token for a new access token and a new refresh token",
            description = "A browser sends no body: its refresh token is the rt_refresh cookie, and the new one comes"
                    + " back in that cookie. A client that keeps the token itself sends {\"refreshToken\": ...} and"
                    + " gets the new one in the body. Every refresh token works once: presenting one again revokes"
                    + " its whole session.")
    @Parameter(name = RefreshCookie.NAME, in = ParameterIn.COOKIE, required = false,
            description = "The browser's refresh token, set by login")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefreshRequest.class),
            examples = @ExampleObject(name = "body", value = "{\"refreshToken\":\"q5x2Yb6k0Xb8bWn1c3v4aHkJ9oPzR7sT1uVwXyZ0AbC\"}")))
    @APIResponse(responseCode = "200", description = "New tokens; the refresh token where the old one came from",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(name = "body", value = "{\"accessToken\":\"eyJraWQiOi...\",\"tokenType\":"
                            + "\"Bearer\",\"expiresIn\":900,\"refreshToken\":\"bm90IGEgcmVhbCB0b2tlbiBidXQgYW4gZXhhbXBsZQ\","
                            + "\"refreshExpiresIn\":1209600}")))
    @APIResponse(responseCode = "401", description = "invalid-refresh-token: missing, unknown, expired, already used,"
            + " of an ended session or of a disabled account")
    public RestResponse<TokenResponse> refresh(@RestCookie(RefreshCookie.NAME) String cookie, RefreshRequest body) {
        if (body != null && body.refreshToken() != null && !body.refreshToken().isEmpty()) {
            return RefreshCookie.respond(sessions.refresh(body.refreshToken()), RefreshTransport.BODY);
        }
        return refreshFromCookie(cookie);
    }

    /**
     * The same call as a browser makes it: no body, so no JSON {@code Content-Type}, only the cookie. A separate
     * method because a JSON-only one would answer such a request 415.
     */
    @POST
    @Path("/refresh")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public RestResponse<TokenResponse> refreshFromCookie(@RestCookie(RefreshCookie.NAME) String cookie) {
        if (cookie != null && !cookie.isEmpty()) {
            return RefreshCookie.respond(sessions.refresh(cookie), RefreshTransport.COOKIE);
        }
        throw Sessions.invalidRefreshToken("no refresh token: send the rt_refresh cookie or {\"refreshToken\": ...}");
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Operation(summary = "End the session of this access token",
            description = "Revokes the refresh-token family the token was issued for and clears the rt_refresh cookie."
                    + " Access tokens already issued stay valid until they expire (at most auth.token.lifetime).")
    @APIResponse(responseCode = "204", description = "The session is ended (or was already)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public RestResponse<Void> logout() {
        UUID session = sessionOf(caller);
        if (session != null) {
            sessions.logout(session);
        }
        return RestResponse.ResponseBuilder.<Void>noContent().cookie(RefreshCookie.cleared()).build();
    }

    @POST
    @Path("/logout-everywhere")
    @Authenticated
    @Operation(summary = "End every session of the caller, on every device",
            description = "Revokes every refresh-token family of the caller and clears the rt_refresh cookie.")
    @APIResponse(responseCode = "204", description = "Every session is ended")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public RestResponse<Void> logoutEverywhere() {
        sessions.revokeAll(Subjects.userId(caller), null, Sessions.LOGOUT_EVERYWHERE);
        return RestResponse.ResponseBuilder.<Void>noContent().cookie(RefreshCookie.cleared()).build();
    }

    /** The session an access token names, or null for a token without one. */
    static UUID sessionOf(JsonWebToken token) {
        Object sid = token.getClaim(TokenIssuer.SESSION_CLAIM);
        if (sid == null) {
            return null;
        }
        try {
            return UUID.fromString(sid.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
