package dev.realtime.gateway.transport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives each token-based identity its expiry time, so that websockets-next closes a connection (1008,
 * "Authentication expired") when the token it was opened with expires. SmallRye JWT does not set this attribute
 * itself; websockets-next reads it at the upgrade and, once token refresh exists, when the identity is updated.
 */
@ApplicationScoped
public class TokenExpiryAugmentor implements SecurityIdentityAugmentor {

    /** The identity attribute websockets-next reads: expiry in seconds since the epoch, as a Long. */
    static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(EXPIRE_TIME) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(EXPIRE_TIME, Long.valueOf(token.getExpirationTime()))
                .build());
    }
}
