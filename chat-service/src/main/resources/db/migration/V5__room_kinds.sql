-- GROUP: made by a user; DIRECT: the one conversation of a pair of users; BOOKING: the room of a booking.
ALTER TABLE room ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'GROUP';
