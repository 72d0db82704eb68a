-- H2 only: V140's CHECK (x IN (...)) constraints of plan_versions are compiled into a constant set
-- whose comparator is the session that created them; once that pooled connection is closed, every
-- insert fails with "The database has been closed" (seen as a 409 on POST /api/plan-versions).
-- A CASE compares with the inserting session, so the same rules hold without that H2 defect
-- (an OR of equalities would be optimised back into the IN).
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_scope;
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_scope
  CHECK (CASE scope WHEN 'linked_area' THEN TRUE WHEN 'county' THEN TRUE ELSE FALSE END);
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_status;
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_status
  CHECK (CASE status WHEN 'submitted' THEN TRUE WHEN 'approved' THEN TRUE
    WHEN 'refused' THEN TRUE ELSE FALSE END);
