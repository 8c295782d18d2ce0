package dev.realtime.auth.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.realtime.auth.config.AuthConfig;
import dev.realtime.auth.service.SigningKeys;

/** The public keys every service verifies access tokens with ({@code mp.jwt.verify.publickey.location}). */
@Path("/.well-known/jwks.json")
@Tag(name = "keys", description = "Token verification keys")
public class JwksResource {

    private final SigningKeys keys;
    private final String cacheControl;

    @Inject
    public JwksResource(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.cacheControl = "public, max-age=" + config.keys().jwksMaxAge().toSeconds();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JWKS: every key that signs or has signed still-accepted tokens (RS256)")
    public RestResponse<JsonWebKeySet> jwks() {
        return RestResponse.ResponseBuilder.ok(JsonWebKeySet.of(keys.published()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }
}
