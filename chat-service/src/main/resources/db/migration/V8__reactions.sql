-- One reaction per emoji per user per message.
CREATE TABLE message_reaction (
    message_id  UUID         NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    user_id     VARCHAR(64)  NOT NULL,
    emoji       VARCHAR(32)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);
