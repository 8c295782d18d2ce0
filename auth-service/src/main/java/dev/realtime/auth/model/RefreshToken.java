package dev.realtime.auth.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token, known by the SHA-256 of its value only. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    /** Lower-case hex of the SHA-256 of the token's value. */
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When it was exchanged for its successor; presenting it again after that is reuse. */
    @Column(name = "used_at")
    public Instant usedAt;
}
