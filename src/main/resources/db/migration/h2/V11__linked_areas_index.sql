-- Spatial index of the drawn joint areas (h2); the overlap check looks areas up by bbox.
CREATE SPATIAL INDEX linked_areas_geom ON linked_areas (geom);
