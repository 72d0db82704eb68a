-- The surveyed pipe points of CJJ 61's 管点表 (docs/surveys.md): utility data like the
-- pipelines, owned by one organisation, whose point numbers (物探点号) are unique per owner so
-- that a pipeline's start_point and end_point name one point of its owner.
CREATE TABLE pipe_points (
  id BIGINT PRIMARY KEY,
  version BIGINT NOT NULL,
  point_no VARCHAR(64) NOT NULL,
  feature VARCHAR(64),
  appurtenance VARCHAR(64),
  utility VARCHAR(32) NOT NULL,
  owner VARCHAR(64) NOT NULL REFERENCES organisations (code),
  ground_elevation_m DOUBLE PRECISION,
  depth_m DOUBLE PRECISION,
  geom GEOMETRY(GEOMETRY, 4490) NOT NULL
);
CREATE UNIQUE INDEX pipe_points_number ON pipe_points (owner, point_no);
CREATE INDEX pipe_points_utility ON pipe_points (utility);

-- A surveyed pipeline names the points it runs between (their 物探点号, same owner).
ALTER TABLE pipelines ADD COLUMN start_point VARCHAR(64);
ALTER TABLE pipelines ADD COLUMN end_point VARCHAR(64);
