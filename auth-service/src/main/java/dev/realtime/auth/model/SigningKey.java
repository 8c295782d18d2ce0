package dev.realtime.auth.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One RSA key pair that signs access tokens. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    /** The JWK thumbprint (RFC 7638, SHA-256) of the public key; the {@code kid} header of tokens it signs. */
    @Id
    @Column(length = 64)
    public String kid;

    /** The JWS algorithm, {@code RS256}. */
    @Column(nullable = false, length = 16)
    public String algorithm;

    /** X.509 SubjectPublicKeyInfo, DER encoded. */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    /** PKCS#8 PrivateKeyInfo, DER encoded. */
    @Column(name = "private_key", nullable = false)
    public byte[] privateKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public KeyState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
