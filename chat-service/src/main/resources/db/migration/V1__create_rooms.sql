CREATE TABLE room (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE room_member (
    room_id     UUID         NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    user_id     VARCHAR(64)  NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    joined_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

CREATE INDEX room_member_user_idx ON room_member (user_id);
