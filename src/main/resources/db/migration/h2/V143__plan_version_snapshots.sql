-- The snapshot of a plan version (V140) as inline text: H2 keeps CHARACTER VARYING up to
-- 1,000,000 characters in the row, where TEXT would be a LOB; submissions reading their own
-- uncommitted LOB back intermittently met "The database has been closed" (90098) on H2 2.x.
-- The repository refuses a larger snapshot on both stores (plan_versions.too_large).
ALTER TABLE plan_versions ADD COLUMN works_json CHARACTER VARYING(1000000) NOT NULL;
ALTER TABLE plan_versions ADD COLUMN plan_json CHARACTER VARYING(1000000) NOT NULL;
