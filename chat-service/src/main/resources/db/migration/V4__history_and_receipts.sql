-- Whether members see the room's messages from before they joined; if not, each member's history starts at
-- first_seq, the room's next seq when they joined.
ALTER TABLE room ADD COLUMN full_history BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE room_member ADD COLUMN first_seq BIGINT NOT NULL DEFAULT 1;
-- The member's read receipt: every message up to this seq is read (0: none).
ALTER TABLE room_member ADD COLUMN last_read_seq BIGINT NOT NULL DEFAULT 0;
