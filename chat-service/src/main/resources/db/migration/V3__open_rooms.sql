-- An open room may be joined by any user; a closed one only by being added by its owner or an admin.
ALTER TABLE room ADD COLUMN open BOOLEAN NOT NULL DEFAULT FALSE;
