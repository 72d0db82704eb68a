-- The spatial index of the pipe points, as every layer has on PostGIS (V3).
CREATE INDEX pipe_points_geom ON pipe_points USING GIST (geom);
