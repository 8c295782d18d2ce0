package dev.realtime.gateway.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.websockets.next.runtime.spi.security.WebSocketIdentityUpdateRequest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;

/**
 * Verifies the token of a {@code refresh} frame for websockets-next's own identity update
 * ({@code WebSocketSecurity#updateSecurityIdentity}), which needs a provider for its request and SmallRye JWT has
 * none. The token must verify exactly like one at the upgrade (signature, issuer, expiry) and name the subject the
 * connection already has: a connection never changes hands.
 */
@ApplicationScoped
public class TokenRefreshProvider implements IdentityProvider<WebSocketIdentityUpdateRequest> {

    /** A verified token of another subject. */
    public static final class SubjectMismatchException extends SecurityException {

        SubjectMismatchException() {
            super("the token names another subject");
        }
    }

    private final JWTParser parser;

    @Inject
    public TokenRefreshProvider(JWTParser parser) {
        this.parser = parser;
    }

    @Override
    public Class<WebSocketIdentityUpdateRequest> getRequestType() {
        return WebSocketIdentityUpdateRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(WebSocketIdentityUpdateRequest request, AuthenticationRequestContext context) {
        String token = request.getCredential().getToken();
        // the parser may fetch the verification keys over HTTP: off the event loop
        return context.runBlocking(() -> {
            JsonWebToken jwt;
            try {
                jwt = parser.parse(token);
            } catch (ParseException e) {
                throw new AuthenticationFailedException("the token does not verify", e);
            }
            String current = request.getCurrentSecurityIdentity().getPrincipal().getName();
            if (jwt.getSubject() == null || !jwt.getSubject().equals(subject(request.getCurrentSecurityIdentity(), current))) {
                throw new SubjectMismatchException();
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(jwt)
                    .addRoles(jwt.getGroups())
                    .addCredential(request.getCredential())
                    .build();
        });
    }

    private static String subject(SecurityIdentity identity, String fallback) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : fallback;
    }
}
