package dev.realtime.auth.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One session: a login and the refresh tokens rotated from it. Its id is the {@code sid} claim of access tokens. */
@Entity
@Table(name = "refresh_family")
public class RefreshFamily {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the session ended; its tokens are refused from then on. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason", length = 32)
    public String revokedReason;

    public boolean revoked() {
        return revokedAt != null;
    }
}
