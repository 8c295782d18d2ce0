package dev.realtime.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * RS256 access tokens for tests of services that verify tokens but do not issue them. The key pair is made
 * once per JVM; its public half is served to the service under test as a JWKS file, exactly as auth-service
 * serves it over HTTP, so verification runs unchanged.
 */
public final class TestTokens {

    /** The issuer that auth-service writes and every service checks. */
    public static final String ISSUER = "realtime-auth";
    private static final String KEY_ID = "test-key";
    private static final String PRIVATE_KEY_PROPERTY = "rt.test.jwt.private-key";
    private static final String JWKS_PROPERTY = "rt.test.jwt.jwks";

    private TestTokens() {
    }

    /** A {@code file:} location of the JWKS holding the test public key. */
    public static synchronized String jwksLocation() {
        if (System.getProperty(JWKS_PROPERTY) == null) {
            KeyPair pair = newKeyPair();
            Path privateKey = writeTemp("test-jwt-private", ".der", pair.getPrivate().getEncoded());
            Path jwks = writeTemp("test-jwks", ".json", jwks((RSAPublicKey) pair.getPublic()).getBytes());
            System.setProperty(PRIVATE_KEY_PROPERTY, privateKey.toString());
            System.setProperty(JWKS_PROPERTY, jwks.toUri().toString());
        }
        return System.getProperty(JWKS_PROPERTY);
    }

    /** A valid token for this user, good for an hour. */
    public static String token(String subject, String... roles) {
        return sign(subject, Set.of(roles), Instant.now().plus(Duration.ofHours(1)), privateKey());
    }

    /** A valid token for this user that expires after {@code lifetime}, for tests of what happens at expiry. */
    public static String shortLivedToken(String subject, Duration lifetime, String... roles) {
        return sign(subject, Set.of(roles), Instant.now().plus(lifetime), privateKey());
    }

    /** A token that expired a minute ago, otherwise valid. */
    public static String expiredToken(String subject, String... roles) {
        return sign(subject, Set.of(roles), Instant.now().minus(Duration.ofMinutes(1)), privateKey());
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String foreignToken(String subject, String... roles) {
        return sign(subject, Set.of(roles), Instant.now().plus(Duration.ofHours(1)), newKeyPair().getPrivate());
    }

    private static String sign(String subject, Set<String> roles, Instant expiry, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject + "@test")
                .groups(roles)
                .issuedAt(expiry.minus(Duration.ofHours(1)))
                .expiresAt(expiry)
                .jws()
                .keyId(KEY_ID)
                .sign(key);
    }

    private static PrivateKey privateKey() {
        jwksLocation();
        try {
            byte[] der = Files.readAllBytes(Path.of(System.getProperty(PRIVATE_KEY_PROPERTY)));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path writeTemp(String prefix, String suffix, byte[] content) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            file.toFile().deleteOnExit();
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
