-- The users holding the admin role, learnt from auth-service's user.registered events, so that a booking's room
-- can have the admins as members when booking-service announces the booking.
CREATE TABLE admin_user (
    user_id        VARCHAR(64)  PRIMARY KEY,
    registered_at  TIMESTAMPTZ  NOT NULL
);
