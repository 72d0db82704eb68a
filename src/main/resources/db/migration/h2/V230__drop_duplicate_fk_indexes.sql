-- H2 only (decision 98): communities_district duplicates the index H2 made for the foreign key
-- district → districts(code). A column declared `REFERENCES …` inside CREATE TABLE gets an index
-- of H2's own (CONSTRAINT_INDEX_…, same column) when the table is created, so the CREATE INDEX
-- that followed in V2 added a second B-tree on the same column. H2's plans already choose the
-- constraint's index for `district = ?` (EXPLAIN), so queries lose nothing; an import writes one
-- B-tree entry and one undo-log record fewer per community. works_owner and pipelines_owner are
-- NOT duplicates any more: V85 and V84 added columns, H2 rebuilt those tables and their foreign
-- keys then adopted works_owner / pipelines_owner (dropping them fails: "belongs to constraint").
-- PostgreSQL makes no index for a foreign key, so there communities_district is the only one.
DROP INDEX IF EXISTS communities_district;
