-- Spatial indexes on every geometry column (h2).
CREATE SPATIAL INDEX districts_geom ON districts (geom);
CREATE SPATIAL INDEX communities_geom ON communities (geom);
CREATE SPATIAL INDEX pipelines_geom ON pipelines (geom);
CREATE SPATIAL INDEX works_geom ON works (geom);
CREATE SPATIAL INDEX facilities_geom ON facilities (geom);
CREATE SPATIAL INDEX streets_geom ON streets (geom);
