-- PostGIS: the extension may already exist (created by a superuser before the first start).
CREATE EXTENSION IF NOT EXISTS postgis;
