-- Spatial indexes on every geometry column (postgresql).
CREATE INDEX districts_geom ON districts USING GIST (geom);
CREATE INDEX communities_geom ON communities USING GIST (geom);
CREATE INDEX pipelines_geom ON pipelines USING GIST (geom);
CREATE INDEX works_geom ON works USING GIST (geom);
CREATE INDEX facilities_geom ON facilities USING GIST (geom);
CREATE INDEX streets_geom ON streets USING GIST (geom);
