-- The layers' revisions and their change log, shared by every instance on this store
-- (decision 35). A write moves its layer's row and logs a change in its own transaction, so
-- the revision commits with the data; the row lock serialises one layer's writes from that
-- point to their commit, so revisions commit in order and without gaps.
CREATE TABLE layer_revisions (
  layer VARCHAR(32) PRIMARY KEY,
  revision BIGINT NOT NULL
);

-- What each write touched: the feature ids (comma-separated, NULL when unknown or too many)
-- and the lon/lat envelope before and after (NULL when unknown). Pruned to the last few
-- thousand rows per layer by the writers.
CREATE TABLE layer_changes (
  layer VARCHAR(32) NOT NULL,
  revision BIGINT NOT NULL,
  ids TEXT,
  min_x DOUBLE PRECISION,
  min_y DOUBLE PRECISION,
  max_x DOUBLE PRECISION,
  max_y DOUBLE PRECISION,
  PRIMARY KEY (layer, revision)
);

-- One token per store, so revision stamps (tile ETags) of another store or a restore differ.
CREATE TABLE store_epoch (
  token VARCHAR(36) NOT NULL
);
INSERT INTO store_epoch (token) VALUES (md5(random()::text || clock_timestamp()::text));
