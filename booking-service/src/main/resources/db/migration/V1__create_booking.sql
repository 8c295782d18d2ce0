CREATE TABLE booking (
    id          UUID         PRIMARY KEY,
    owner_id    VARCHAR(64)  NOT NULL,
    tour_id     VARCHAR(64)  NOT NULL,
    starts_on   DATE         NOT NULL,
    guests      INT          NOT NULL CHECK (guests > 0),
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX booking_owner_idx ON booking (owner_id, created_at DESC);
