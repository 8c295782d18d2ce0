package dev.realtime.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.auth.service.Sessions;

/**
 * @param accessToken      an RS256 JWT to send as {@code Authorization: Bearer <accessToken>}
 * @param tokenType        always {@code Bearer}
 * @param expiresIn        seconds until the access token expires
 * @param refreshToken     the refresh token, when the client asked for it in the body; absent when it went into
 *                         the {@code rt_refresh} cookie
 * @param refreshExpiresIn seconds until the refresh token expires, wherever it went
 */
@Schema(name = "Token", requiredProperties = { "accessToken", "tokenType", "expiresIn", "refreshExpiresIn" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, @Schema(enumeration = "Bearer") String tokenType,
        @Schema(minimum = "1", examples = "900") long expiresIn,
        @Schema(examples = "q5x2Yb6k0Xb8bWn1c3v4aHkJ9oPzR7sT1uVwXyZ0AbC") String refreshToken,
        @Schema(minimum = "1", examples = "1209600") long refreshExpiresIn) {

    static TokenResponse of(Sessions.Session session, RefreshTransport transport) {
        return new TokenResponse(session.access().token(), "Bearer", session.access().expiresInSeconds(),
                transport == RefreshTransport.BODY ? session.refreshToken() : null, session.refreshExpiresInSeconds());
    }
}
