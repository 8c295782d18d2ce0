-- Tables of the probe service that the platform tests run: the effect a consumed event has, and one row per
-- transaction of the ordering test, whose commit timestamp tells the order the transactions committed in.
CREATE TABLE probe_effect (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id  VARCHAR(255) NOT NULL,
    subject   VARCHAR(255) NOT NULL,
    amount    INTEGER      NOT NULL CHECK (amount >= 0)
);

CREATE TABLE probe_commit (
    event_id  VARCHAR(255) PRIMARY KEY,
    subject   VARCHAR(255) NOT NULL
);
