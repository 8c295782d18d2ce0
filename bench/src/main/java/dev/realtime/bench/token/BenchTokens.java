package dev.realtime.bench.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RS256 access tokens signed by a key pair of the run, so that the gateway (and the Node server) can be benchmarked
 * without auth-service: the servers are pointed at the public key ({@code mp.jwt.verify.publickey.location=file:...}
 * for the gateway). The claims are those auth-service writes: {@code iss}, {@code sub}, {@code upn}, {@code groups},
 * {@code iat}, {@code exp}.
 */
public final class BenchTokens {

    /** The issuer the servers are told to expect. */
    public static final String ISSUER = "realtime-bench";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair pair;
    private final Path publicKeyPem;

    private BenchTokens(KeyPair pair, Path publicKeyPem) {
        this.pair = pair;
        this.publicKeyPem = publicKeyPem;
    }

    /** A new key pair; its public key written as PEM into {@code dir}. */
    public static BenchTokens create(Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path pem = dir.resolve("bench-public-key.pem");
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return new BenchTokens(pair, pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKeyPem() {
        return publicKeyPem;
    }

    /** A token for this subject with these groups, valid for {@code lifetime}. */
    public String token(String subject, List<String> groups, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "@bench\",\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))
                + "],\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(pair.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
