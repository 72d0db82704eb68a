-- Failed sign-ins per account ('a') and per client address ('d'), shared by every instance on
-- this store (decision 71, signin/SharedSignInThrottle). Times are epoch milliseconds. A row is
-- forgotten at forget_at and deleted by the next purge; the embedded store keeps its counts in
-- memory and has no such table.
CREATE TABLE signin_failures (
  kind CHAR(1) NOT NULL CHECK (kind IN ('a', 'd')),
  key VARCHAR(320) NOT NULL,
  failures INT NOT NULL CHECK (failures > 0),
  locked_until BIGINT NOT NULL,
  forget_at BIGINT NOT NULL,
  CONSTRAINT signin_failures_pk PRIMARY KEY (kind, key)
);
CREATE INDEX signin_failures_forget ON signin_failures (forget_at);
