package dev.realtime.auth.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param accessToken an RS256 JWT to send as {@code Authorization: Bearer <accessToken>}
 * @param tokenType   always {@code Bearer}
 * @param expiresIn   seconds until the token expires
 */
@Schema(name = "Token", requiredProperties = { "accessToken", "tokenType", "expiresIn" })
public record TokenResponse(String accessToken, @Schema(enumeration = "Bearer") String tokenType,
        @Schema(minimum = "1") long expiresIn) {

    static TokenResponse bearer(String accessToken, long expiresIn) {
        return new TokenResponse(accessToken, "Bearer", expiresIn);
    }
}
