-- The transactional outbox of this service: rows are written in the same transaction as the
-- domain change and deleted by the relay once Kafka has acknowledged them.
CREATE TABLE outbox_event (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID         NOT NULL UNIQUE,
    topic       VARCHAR(249) NOT NULL,
    record_key  VARCHAR(255) NOT NULL,
    event_type  VARCHAR(255) NOT NULL,
    channels    TEXT         NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
