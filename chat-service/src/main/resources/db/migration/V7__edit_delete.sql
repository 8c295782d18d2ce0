-- An edited message keeps its seq and says when it was last edited; a deleted one keeps its place as a tombstone:
-- its body is emptied and deleted_at set.
ALTER TABLE message ADD COLUMN edited_at TIMESTAMPTZ;
ALTER TABLE message ADD COLUMN deleted_at TIMESTAMPTZ;
