package dev.realtime.auth.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.Claims;

import dev.realtime.auth.config.AuthConfig;
import dev.realtime.auth.model.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Issues RS256 access tokens signed by the newest active key. */
@ApplicationScoped
public class TokenIssuer {

    /** The claim naming the session a token was issued for. */
    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifetime;

    /** A signed token and how many seconds it stays valid. */
    public record IssuedToken(String token, long expiresInSeconds) {
    }

    @Inject
    public TokenIssuer(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.issuer = config.token().issuer();
        this.lifetime = config.token().lifetime();
    }

    /**
     * A token for this user: {@code sub} is the user id (stable, what other services store), {@code upn} the
     * username, {@code groups} the roles, and {@code jti} a fresh id so a token can be told apart from another
     * one issued in the same second; {@code sid} is the session (refresh-token family) it belongs to, which
     * logout and password changes name.
     */
    public IssuedToken issue(User user, UUID sessionId) {
        SigningKeys.Signer signer = keys.signer();
        Instant now = Instant.now();
        String token = Jwt.issuer(issuer)
                .subject(user.id.toString())
                .upn(user.username)
                .groups(new LinkedHashSet<>(user.roles))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(Claims.jti, UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(signer.kid())
                .sign(signer.privateKey());
        return new IssuedToken(token, lifetime.toSeconds());
    }
}
