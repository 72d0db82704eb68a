-- A pipeline's depth at both ends (to the pipe's top, metres), interpolated along it to judge a
-- crossing by its vertical clearance (docs/coordination.md, "Clearances"). depth_m stays the
-- one depth of a pipeline surveyed without end depths.
ALTER TABLE pipelines ADD COLUMN depth_start_m DOUBLE PRECISION;
ALTER TABLE pipelines ADD COLUMN depth_end_m DOUBLE PRECISION;
