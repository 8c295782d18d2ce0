CREATE TABLE notification (
    id          UUID          PRIMARY KEY,
    user_id     VARCHAR(64)   NOT NULL,
    type        VARCHAR(100)  NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    body        VARCHAR(2000),
    created_at  TIMESTAMPTZ   NOT NULL,
    read_at     TIMESTAMPTZ
);

CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
