package dev.realtime.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.realtime.auth.config.AuthConfig;
import dev.realtime.auth.model.RefreshFamily;
import dev.realtime.auth.model.RefreshToken;
import dev.realtime.auth.model.User;
import dev.realtime.auth.repository.RefreshFamilyRepository;
import dev.realtime.auth.repository.RefreshTokenRepository;
import dev.realtime.auth.repository.UserRepository;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sessions: a login opens a refresh-token family, every refresh rotates its token, and presenting a token that
 * was already rotated revokes the whole family, since only a copy of a stolen token can be presented twice.
 * <p>
 * Refresh tokens are 256 random bits, opaque to clients; only their SHA-256 is stored. A fast hash suffices
 * because the value is random, not chosen by a person: there is nothing to guess.
 */
@ApplicationScoped
public class Sessions {

    /** Why a family was revoked, as stored in {@code refresh_family.revoked_reason}. */
    public static final String LOGOUT = "logout";
    public static final String LOGOUT_EVERYWHERE = "logout-everywhere";
    public static final String PASSWORD_CHANGED = "password-changed";
    public static final String REUSE = "reuse";
    public static final String DISABLED = "disabled";

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshFamilyRepository families;
    private final RefreshTokenRepository tokens;
    private final UserRepository users;
    private final TokenIssuer issuer;
    private final Duration refreshLifetime;

    /** What a login or a refresh hands the client: an access token and the refresh token that follows it. */
    public record Session(User user, UUID id, TokenIssuer.IssuedToken access, String refreshToken,
            long refreshExpiresInSeconds) {
    }

    @Inject
    public Sessions(RefreshFamilyRepository families, RefreshTokenRepository tokens, UserRepository users,
            TokenIssuer issuer, AuthConfig config) {
        this.families = families;
        this.tokens = tokens;
        this.users = users;
        this.issuer = issuer;
        this.refreshLifetime = config.refresh().lifetime();
    }

    /** A new session for an authenticated user. */
    public Session open(User user) {
        Instant now = Instant.now();
        UUID familyId = UUID.randomUUID();
        String refreshToken = QuarkusTransaction.requiringNew().call(() -> {
            RefreshFamily family = new RefreshFamily();
            family.id = familyId;
            family.userId = user.id;
            family.createdAt = now;
            families.persist(family);
            return newToken(familyId, now);
        });
        return session(user, familyId, refreshToken);
    }

    /**
     * Exchanges a refresh token for a new access token and a new refresh token.
     *
     * @throws ProblemException 401 {@code invalid-refresh-token} for a token that is unknown, expired, rotated
     *                          already, of an ended session or of a disabled account, all alike
     */
    public Session refresh(String presented) {
        Instant now = Instant.now();
        Rotation rotation = QuarkusTransaction.requiringNew().call(() -> rotate(hash(presented), now));
        if (rotation.refusal() != null) {
            // committed: a reuse's revocation holds although the request is refused
            throw invalidRefreshToken();
        }
        return session(rotation.user(), rotation.familyId(), rotation.refreshToken());
    }

    /** Ends one session; an unknown or already ended one is no error. */
    public void logout(UUID sessionId) {
        QuarkusTransaction.requiringNew().run(() -> families.revoke(sessionId, LOGOUT, Instant.now()));
    }

    /**
     * Ends every session of a user but {@code keep}, if given, in the caller's transaction or a new one.
     *
     * @return how many sessions were open
     */
    public int revokeAll(UUID userId, UUID keep, String reason) {
        return QuarkusTransaction.joiningExisting().call(() -> families.revokeAllOf(userId, keep, reason, Instant.now()));
    }

    private Rotation rotate(String tokenHash, Instant now) {
        Optional<RefreshToken> found = tokens.lockByHash(tokenHash);
        if (found.isEmpty()) {
            return Rotation.refused("unknown");
        }
        RefreshToken token = found.get();
        RefreshFamily family = families.findById(token.familyId);
        if (family.revoked()) {
            return Rotation.refused("revoked");
        }
        if (token.usedAt != null) {
            families.revoke(family.id, REUSE, now);
            LOG.warnf("Refresh token reused: revoked session %s of user %s (the token was rotated at %s)", family.id,
                    family.userId, token.usedAt);
            return Rotation.refused(REUSE);
        }
        if (!token.expiresAt.isAfter(now)) {
            return Rotation.refused("expired");
        }
        User user = users.findById(family.userId);
        if (user.disabled()) {
            families.revoke(family.id, DISABLED, now);
            return Rotation.refused(DISABLED);
        }
        token.usedAt = now;
        return new Rotation(null, user, family.id, newToken(family.id, now));
    }

    private String newToken(UUID familyId, Instant now) {
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken token = new RefreshToken();
        token.tokenHash = hash(value);
        token.familyId = familyId;
        token.createdAt = now;
        token.expiresAt = now.plus(refreshLifetime);
        tokens.persist(token);
        return value;
    }

    private Session session(User user, UUID familyId, String refreshToken) {
        return new Session(user, familyId, issuer.issue(user, familyId), refreshToken, refreshLifetime.toSeconds());
    }

    /** Lower-case hex of the SHA-256 of the token's UTF-8 bytes, as {@code refresh_token.token_hash} holds it. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static ProblemException invalidRefreshToken() {
        return invalidRefreshToken("the refresh token is unknown, expired, already used or of an ended session; log in again");
    }

    /** 401 {@code invalid-refresh-token}, the one answer to every refresh that does not succeed. */
    public static ProblemException invalidRefreshToken(String detail) {
        return new ProblemException(401, "invalid-refresh-token", "Invalid refresh token", detail);
    }

    /** A rotation's outcome: the new token, or why there is none. */
    private record Rotation(String refusal, User user, UUID familyId, String refreshToken) {

        static Rotation refused(String why) {
            return new Rotation(why, null, null, null);
        }
    }
}
