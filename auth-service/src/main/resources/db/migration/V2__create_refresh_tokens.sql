-- A disabled account cannot log in or refresh; null while the account is enabled.
ALTER TABLE app_user ADD COLUMN disabled_at TIMESTAMPTZ;

-- One login: the chain of refresh tokens that rotate from it. Revoking the family ends the session.
CREATE TABLE refresh_family (
    id             UUID        PRIMARY KEY,
    user_id        UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    -- logout, logout-everywhere, password-changed, reuse, disabled
    revoked_reason VARCHAR(32),
    CONSTRAINT refresh_family_revoked CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX refresh_family_user ON refresh_family (user_id) WHERE revoked_at IS NULL;

-- Every refresh token ever issued, by the SHA-256 of its value in hex (never the value). used_at is set when it is
-- exchanged for the next one; presenting it again after that is reuse.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    family_id   UUID        NOT NULL REFERENCES refresh_family (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    CONSTRAINT refresh_token_hash_hex CHECK (token_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
