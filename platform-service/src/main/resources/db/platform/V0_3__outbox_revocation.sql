-- An event may end access to a channel (a member removed from a room, a booking that changed hands):
-- the relay copies these into the rt-revoke and rt-revoke-subjects record headers for the gateway.
ALTER TABLE outbox_event ADD COLUMN revoke_channel  TEXT;
ALTER TABLE outbox_event ADD COLUMN revoke_subjects TEXT;
