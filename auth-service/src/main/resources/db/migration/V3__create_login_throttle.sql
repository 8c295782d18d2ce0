-- Failed logins, counted per account name and per client address in one table every replica shares.
-- A schema of its own: these rows are a record of attempts, not account state. A refused login writes one, which
-- is the point, while everything in the service's main schema changes only when a request succeeds (the REST
-- guard of the tests holds the main schema to that).
CREATE SCHEMA throttle;
-- subject: 'account:<lower-cased username>' (whether or not the account exists) or 'address:<ip>'.
CREATE TABLE throttle.login_throttle (
    subject         VARCHAR(200) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMPTZ  NOT NULL,
    -- no login is tried for this subject before then; null while under the free allowance
    locked_until    TIMESTAMPTZ
);
