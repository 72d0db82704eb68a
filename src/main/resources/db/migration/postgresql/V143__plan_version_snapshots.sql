-- The snapshot of a plan version (V140); see the H2 twin for why the type differs per store.
ALTER TABLE plan_versions ADD COLUMN works_json TEXT NOT NULL;
ALTER TABLE plan_versions ADD COLUMN plan_json TEXT NOT NULL;
