package org.jointworks.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointworks.geo.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code linked_areas}: bound parameters only, geometries as WKB through
 * {@code ST_GeomFromWKB}/{@code ST_AsBinary}, which H2GIS and PostGIS share. Thread-safe.
 */
@Repository
class LinkedAreaRepository {
  private static final String SELECT = """
      SELECT id, version, name, note, ST_AsBinary(geom) AS wkb, created_by, created_at,
             updated_by, updated_at FROM linked_areas""";

  private final NamedParameterJdbcTemplate jdbc;

  LinkedAreaRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<LinkedArea> find(long id) {
    return jdbc.query(SELECT + " WHERE id = :id", Map.of("id", id), LinkedAreaRepository::map)
        .stream().findFirst();
  }

  List<LinkedArea> findAll() {
    return jdbc.query(SELECT + " ORDER BY id", Map.of(), LinkedAreaRepository::map);
  }

  /** The areas whose bounding box meets {@code lonLat} (the spatial index answers). */
  List<LinkedArea> findNear(Envelope lonLat) {
    return jdbc.query(SELECT + " WHERE geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490)"
        + " ORDER BY id", new MapSqlParameterSource()
        .addValue("minx", lonLat.getMinX()).addValue("miny", lonLat.getMinY())
        .addValue("maxx", lonLat.getMaxX()).addValue("maxy", lonLat.getMaxY()),
        LinkedAreaRepository::map);
  }

  /** Inserts a new area at version 1; returns its id. */
  long insert(String name, String note, Geometry geometry, String actor, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO linked_areas (version, name, note, geom, created_by, created_at, updated_by,
                                  updated_at)
        VALUES (1, :name, :note, ST_GeomFromWKB(:wkb, 4490), :actor, :at, :actor, :at)""",
        params(name, note, geometry, actor, at), keys, new String[] {"id"});
    return keys.getKeyAs(Number.class).longValue();
  }

  /** Replaces name, note and geometry if the area is still at {@code expectedVersion}. */
  boolean update(long id, long expectedVersion, String name, String note, Geometry geometry,
      String actor, Instant at) {
    return jdbc.update("""
        UPDATE linked_areas SET version = version + 1, name = :name, note = :note,
               geom = ST_GeomFromWKB(:wkb, 4490), updated_by = :actor, updated_at = :at
        WHERE id = :id AND version = :expected""",
        params(name, note, geometry, actor, at).addValue("id", id)
            .addValue("expected", expectedVersion)) == 1;
  }

  boolean delete(long id, long expectedVersion) {
    return jdbc.update("DELETE FROM linked_areas WHERE id = :id AND version = :expected",
        Map.of("id", id, "expected", expectedVersion)) == 1;
  }

  private static MapSqlParameterSource params(String name, String note, Geometry geometry,
      String actor, Instant at) {
    return new MapSqlParameterSource()
        .addValue("name", name, Types.VARCHAR)
        .addValue("note", note, Types.VARCHAR)
        .addValue("wkb", new WKBWriter(2).write(geometry), Types.BINARY)
        .addValue("actor", actor, Types.VARCHAR)
        .addValue("at", Timestamp.from(at));
  }

  private static LinkedArea map(ResultSet rs, int row) throws SQLException {
    try {
      Geometry g = new WKBReader(Geometries.LONLAT).read(rs.getBytes("wkb"));
      g.setSRID(4490);
      return new LinkedArea(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
          rs.getString("note"), g, rs.getString("created_by"),
          rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
          rs.getTimestamp("updated_at").toInstant());
    } catch (ParseException e) {
      throw new SQLException("stored linked area " + rs.getLong("id") + " has bad WKB", e);
    }
  }
}
