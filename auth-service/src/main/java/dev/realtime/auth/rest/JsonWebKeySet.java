package dev.realtime.auth.rest;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.realtime.auth.service.SigningKeys;

/** A JWKS (RFC 7517) of RSA signature keys. */
public record JsonWebKeySet(List<Key> keys) {

    /**
     * One public key.
     *
     * @param n the modulus, base64url of its unsigned big-endian bytes
     * @param e the public exponent, encoded like {@code n}
     */
    public record Key(String kid, String kty, String alg, String use, String n, String e) {

        static Key of(SigningKeys.PublishedKey key) {
            return new Key(key.kid(), "RSA", SigningKeys.ALGORITHM, "sig",
                    base64Url(key.publicKey().getModulus()), base64Url(key.publicKey().getPublicExponent()));
        }
    }

    static JsonWebKeySet of(List<SigningKeys.PublishedKey> keys) {
        return new JsonWebKeySet(keys.stream().map(Key::of).toList());
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        // BigInteger adds a leading zero byte when the top bit is set; JWK wants the bare magnitude
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
