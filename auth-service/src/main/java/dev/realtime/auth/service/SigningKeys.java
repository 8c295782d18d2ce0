package dev.realtime.auth.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;

import dev.realtime.auth.config.AuthConfig;
import dev.realtime.auth.model.KeyState;
import dev.realtime.auth.model.SigningKey;
import dev.realtime.auth.repository.SigningKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The RSA keys that sign and verify access tokens, read from the {@code signing_key} table and kept in
 * memory. The table is the truth for every replica: a replica re-reads it every
 * {@code auth.keys.refresh-interval}, and at once when a token names a key id it does not know (rate limited),
 * so a key that another replica adds is usable everywhere without a restart.
 * <p>
 * Rotation (adding a key, retiring old ones) only writes rows; nothing here needs to change for it.
 */
@ApplicationScoped
public class SigningKeys {

    public static final String ALGORITHM = "RS256";
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final int RSA_KEY_BITS = 2048;
    /** Least time between two reloads caused by unknown key ids, so forged kids cannot hammer the database. */
    private static final Duration UNKNOWN_KID_RELOAD_GAP = Duration.ofSeconds(5);

    private final SigningKeyRepository repository;
    private final Duration refreshInterval;
    private final Object reloading = new Object();
    private volatile KeyRing ring = KeyRing.EMPTY;

    /** A key that verifies tokens and is listed in the JWKS. */
    public record PublishedKey(String kid, RSAPublicKey publicKey) {
    }

    /** The key that signs new tokens. */
    public record Signer(String kid, PrivateKey privateKey) {
    }

    @Inject
    public SigningKeys(SigningKeyRepository repository, AuthConfig config) {
        this.repository = repository;
        this.refreshInterval = config.keys().refreshInterval();
    }

    void onStart(@Observes StartupEvent event) {
        ensureActiveKey();
        ring = load();
        LOG.infof("Signing with key %s; %d key(s) published", ring.signer().kid(), ring.published().size());
    }

    /**
     * Creates a key when none is active. Replicas starting together serialise on a database advisory lock
     * and re-check under it, so exactly one of them creates the key and the others use it.
     */
    public void ensureActiveKey() {
        if (QuarkusTransaction.requiringNew().call(() -> !repository.active().isEmpty())) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            repository.lockKeyCreation();
            if (repository.active().isEmpty()) {
                SigningKey key = generate();
                repository.persist(key);
                LOG.infof("No active signing key: created RSA-%d key %s", RSA_KEY_BITS, key.kid);
            }
        });
    }

    /** The key that signs new tokens: the newest active one. */
    public Signer signer() {
        Signer signer = current(refreshInterval).signer();
        if (signer == null) {
            throw new IllegalStateException("no active signing key");
        }
        return signer;
    }

    /** The keys to publish in the JWKS, newest first. */
    public List<PublishedKey> published() {
        return current(refreshInterval).published();
    }

    /** The public key with this id, if it is published; re-reads the table once for an id it does not know. */
    public Optional<RSAPublicKey> verificationKey(String kid) {
        RSAPublicKey key = current(refreshInterval).byKid().get(kid);
        if (key == null) {
            key = current(UNKNOWN_KID_RELOAD_GAP).byKid().get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** The ring, re-read from the table first if it is older than {@code maxAge}. */
    private KeyRing current(Duration maxAge) {
        KeyRing known = ring;
        if (!known.olderThan(maxAge)) {
            return known;
        }
        synchronized (reloading) {
            known = ring;
            if (!known.olderThan(maxAge)) {
                return known;
            }
            try {
                ring = load();
            } catch (RuntimeException e) {
                if (known.signer() == null) {
                    throw e;
                }
                // keep serving the keys we have: they were valid a moment ago, and the database is likely back soon
                LOG.warnf("Cannot re-read the signing keys, keeping the %d known ones: %s", known.published().size(),
                        e.getMessage());
                ring = known.reloadedNow();
            }
            return ring;
        }
    }

    private KeyRing load() {
        List<SigningKey> active = QuarkusTransaction.joiningExisting().call(repository::active);
        List<PublishedKey> published = new ArrayList<>(active.size());
        Map<String, RSAPublicKey> byKid = new HashMap<>();
        for (SigningKey key : active) {
            RSAPublicKey publicKey = decodePublic(key.publicKey);
            published.add(new PublishedKey(key.kid, publicKey));
            byKid.put(key.kid, publicKey);
        }
        Signer signer = active.isEmpty() ? null : new Signer(active.get(0).kid, decodePrivate(active.get(0).privateKey));
        return new KeyRing(List.copyOf(published), Map.copyOf(byKid), signer, System.nanoTime());
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey();
            key.kid = thumbprint((RSAPublicKey) pair.getPublic());
            key.algorithm = ALGORITHM;
            key.publicKey = pair.getPublic().getEncoded();
            key.privateKey = pair.getPrivate().getEncoded();
            key.state = KeyState.ACTIVE;
            key.createdAt = Instant.now();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** RFC 7638 SHA-256 thumbprint: the same key always gets the same id, and ids never collide in practice. */
    private static String thumbprint(RSAPublicKey publicKey) {
        return new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    private static RSAPublicKey decodePublic(byte[] der) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key is not a valid RSA key", e);
        }
    }

    private static PrivateKey decodePrivate(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored private key is not a valid RSA key", e);
        }
    }

    /** An immutable view of the key table at one moment. */
    private record KeyRing(List<PublishedKey> published, Map<String, RSAPublicKey> byKid, Signer signer,
            long loadedAtNanos) {

        static final KeyRing EMPTY = new KeyRing(List.of(), Map.of(), null, 0L);

        boolean olderThan(Duration age) {
            return this == EMPTY || System.nanoTime() - loadedAtNanos > age.toNanos();
        }

        KeyRing reloadedNow() {
            return new KeyRing(published, byKid, signer, System.nanoTime());
        }
    }
}
