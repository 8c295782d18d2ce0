-- The inbox of this service: one row per event a consumer has processed, written in the same
-- transaction as the consumer's effect, so a redelivered event finds its row and changes nothing.
-- Rows older than rt.inbox.retention are pruned.
CREATE TABLE inbox_event (
    consumer     VARCHAR(255) NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
