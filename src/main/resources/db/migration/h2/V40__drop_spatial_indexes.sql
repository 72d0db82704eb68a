-- H2 only: no persistent spatial index (docs/decisions.md, decision 21). H2 2.4.240 cannot read
-- back, when it reopens a store after a crash, the undo log of a transaction that wrote to a
-- spatial (R-tree) index: the store never opens again. Bbox queries scan instead.
DROP INDEX IF EXISTS districts_geom;
DROP INDEX IF EXISTS communities_geom;
DROP INDEX IF EXISTS pipelines_geom;
DROP INDEX IF EXISTS works_geom;
DROP INDEX IF EXISTS facilities_geom;
DROP INDEX IF EXISTS streets_geom;
DROP INDEX IF EXISTS linked_areas_geom;
