-- The room's message sequence: the seq of its last message, raised under the room's row lock by each send, so
-- that every room's seq is strictly increasing and gap-free (a rolled-back send rolls its raise back too).
ALTER TABLE room ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0;

-- A member whose sends are refused until then (moderation); null when not muted.
ALTER TABLE room_member ADD COLUMN muted_until TIMESTAMPTZ;

CREATE TABLE message (
    id                 UUID          PRIMARY KEY,
    room_id            UUID          NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    seq                BIGINT        NOT NULL,
    sender_id          VARCHAR(64)   NOT NULL,
    client_message_id  VARCHAR(100)  NOT NULL,
    body               TEXT          NOT NULL,
    sent_at            TIMESTAMPTZ   NOT NULL,
    -- history pages walk this index, newest first
    CONSTRAINT message_room_seq_uq UNIQUE (room_id, seq),
    -- one message per client message id of a sender in a room, however often it is sent
    CONSTRAINT message_client_id_uq UNIQUE (room_id, sender_id, client_message_id)
);
