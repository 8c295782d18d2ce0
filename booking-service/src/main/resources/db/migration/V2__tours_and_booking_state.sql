-- Tours become their own rows, and a booking carries seats, amount, payment status and the whole state machine.
CREATE TABLE tour (
    id           UUID          PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    description  TEXT          NOT NULL DEFAULT '',
    price        NUMERIC(12,2) NOT NULL CHECK (price >= 0),
    currency     VARCHAR(3)    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    capacity     INT           NOT NULL CHECK (capacity > 0),
    starts_on    DATE          NOT NULL,
    ends_on      DATE          NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);

CREATE INDEX tour_list_idx ON tour (starts_on, id);

-- Bookings made before tours existed named a tour by free text. Each such name becomes a closed tour whose id is
-- derived from the name (so the mapping is repeatable) and whose capacity is exactly what was booked.
INSERT INTO tour (id, name, price, currency, capacity, starts_on, ends_on, status, created_at, updated_at)
SELECT md5(tour_id)::uuid, tour_id, 0, 'EUR', GREATEST(SUM(guests), 1), MIN(starts_on), MAX(starts_on), 'CLOSED',
       MIN(created_at), MAX(updated_at)
FROM booking GROUP BY tour_id;

ALTER TABLE booking ALTER COLUMN tour_id TYPE UUID USING md5(tour_id)::uuid;
ALTER TABLE booking ADD CONSTRAINT booking_tour_fk FOREIGN KEY (tour_id) REFERENCES tour (id);
ALTER TABLE booking ADD COLUMN amount NUMERIC(12,2) NOT NULL DEFAULT 0;
ALTER TABLE booking ADD COLUMN currency VARCHAR(3) NOT NULL DEFAULT 'EUR';
ALTER TABLE booking ADD COLUMN payment_status VARCHAR(16) NOT NULL DEFAULT 'UNPAID';
ALTER TABLE booking ALTER COLUMN amount DROP DEFAULT;
ALTER TABLE booking ALTER COLUMN currency DROP DEFAULT;

-- seats held on a tour (summed under the tour's row lock) and the admin's filters
CREATE INDEX booking_tour_status_idx ON booking (tour_id, status);
CREATE INDEX booking_status_idx ON booking (status, created_at DESC);
