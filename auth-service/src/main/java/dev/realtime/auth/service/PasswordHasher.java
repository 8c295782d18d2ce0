package dev.realtime.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.auth.config.AuthConfig;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Password hashes: bcrypt (Elytron's implementation, Modular Crypt Format, a random 16-byte salt per hash)
 * over the Base64 of the password's SHA-256.
 * <p>
 * The SHA-256 step exists because bcrypt reads at most 72 bytes: without it, two 128-character passwords
 * sharing their first 72 bytes would hash alike. The Base64 digest is 44 ASCII characters, so nothing is
 * cut off and no NUL byte reaches bcrypt.
 */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /**
     * A hash of an unguessable password, compared against for unknown usernames. Made off the start-up path:
     * one bcrypt at the configured cost takes a few hundred milliseconds.
     */
    private final CompletableFuture<String> decoy;

    @Inject
    public PasswordHasher(AuthConfig config) {
        this.cost = config.password().bcryptCost();
        byte[] unguessable = new byte[32];
        new SecureRandom().nextBytes(unguessable);
        this.decoy = CompletableFuture.supplyAsync(() -> hash(Base64.getEncoder().encodeToString(unguessable)));
    }

    /** A new salted hash of this password, at the configured cost. */
    public String hash(String password) {
        return BcryptUtil.bcryptHash(prehash(password), cost);
    }

    /** Whether this password produced this hash. Takes as long as one bcrypt at the hash's own cost. */
    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(prehash(password), hash);
    }

    /**
     * Spends the time of a real comparison without one, so that a login for an unknown username takes as
     * long as a login with a wrong password and the response time does not tell which usernames exist.
     */
    public void compareWithDecoy(String password) {
        BcryptUtil.matches(prehash(password), decoy.join());
    }

    private static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
