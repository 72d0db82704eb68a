-- Spatial index of the drawn joint areas (postgresql); the overlap check looks areas up by bbox.
CREATE INDEX linked_areas_geom ON linked_areas USING GIST (geom);
