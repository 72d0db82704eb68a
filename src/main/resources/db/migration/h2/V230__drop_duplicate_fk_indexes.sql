-- H2 only (decision 98): these three indexes duplicate the one H2 made for the table's foreign key.
-- A column declared `REFERENCES …` inside CREATE TABLE gets an index of H2's own
-- (CONSTRAINT_INDEX_…, on the same column) when the table is created, so the CREATE INDEX that
-- followed in V2 added a second B-tree on the same column. H2's plans already choose the
-- constraint's index for `owner = ?` / `district = ?` (EXPLAIN), so queries lose nothing; an
-- import writes one B-tree entry and one undo-log record fewer per row. PostgreSQL makes no index
-- for a foreign key, so there these indexes are the only ones and stay.
DROP INDEX IF EXISTS communities_district;
DROP INDEX IF EXISTS works_owner;
DROP INDEX IF EXISTS pipelines_owner;
