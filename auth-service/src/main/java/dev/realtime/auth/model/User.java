package dev.realtime.auth.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account. The id is assigned by the service, so events can name the user before the insert commits. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    public UUID id;

    /** Lower-cased; unique. */
    @Column(nullable = false, length = 32)
    public String username;

    @Column(name = "display_name", nullable = false, length = 64)
    public String displayName;

    /** A bcrypt hash in Modular Crypt Format; see {@code PasswordHasher}. */
    @Column(name = "password_hash", nullable = false, length = 128)
    public String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When an admin disabled the account; null while it is enabled. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    public boolean disabled() {
        return disabledAt != null;
    }
}
