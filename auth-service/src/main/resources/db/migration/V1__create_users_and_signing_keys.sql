-- Accounts. Usernames are stored lower-cased, so the unique constraint is case-insensitive in effect.
CREATE TABLE app_user (
    id            UUID         PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    display_name  VARCHAR(64)  NOT NULL,
    -- bcrypt in Modular Crypt Format ($2a$<cost>$<salt><hash>, 60 characters); never the password
    password_hash VARCHAR(128) NOT NULL,
    roles         TEXT[]       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT app_user_username_key UNIQUE (username),
    CONSTRAINT app_user_username_lower_case CHECK (username = lower(username))
);

-- RSA key pairs that sign access tokens. Every ACTIVE key is published in the JWKS; the newest ACTIVE key
-- signs. Rotation inserts a new ACTIVE key and, once the tokens signed by the old one have expired,
-- marks the old one RETIRED, which removes it from the JWKS.
CREATE TABLE signing_key (
    kid         VARCHAR(64) PRIMARY KEY,
    algorithm   VARCHAR(16) NOT NULL,
    -- X.509 SubjectPublicKeyInfo, DER
    public_key  BYTEA       NOT NULL,
    -- PKCS#8 PrivateKeyInfo, DER
    private_key BYTEA       NOT NULL,
    state       VARCHAR(16) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    retired_at  TIMESTAMPTZ,
    CONSTRAINT signing_key_state CHECK (state IN ('ACTIVE', 'RETIRED')),
    CONSTRAINT signing_key_retired_at CHECK ((state = 'RETIRED') = (retired_at IS NOT NULL))
);

CREATE INDEX signing_key_state_created_at ON signing_key (state, created_at);
