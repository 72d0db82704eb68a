package org.jointworks.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.ogcapi.ItemsPage;
import org.jointworks.ogcapi.ItemsQuery;
import org.jointworks.ogcapi.KeysetPages;
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
 *
 * <p>The OGC items page and its count are not cached: the table holds areas planners drew by
 * hand (hundreds, not the layers' hundred thousands), so an exact {@code COUNT(*)} and extent per
 * request are cheap and can never lag behind the last committed write.
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

  /**
   * One OGC items page: the areas meeting the bbox and the equality filters of {@code q}, keyset
   * paged on id, with the exact count.
   *
   * @param filterColumns the queryables of {@code q.filters()} that are plain text columns
   * @param onlyIds when not null, only these areas (a selection made outside SQL)
   */
  ItemsPage page(ItemsQuery q, Set<String> filterColumns, Set<Long> onlyIds,
      Function<LinkedArea, Feature> asFeature) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    List<String> terms = new ArrayList<>();
    String bbox = KeysetPages.bboxTerm(q, p);
    if (bbox != null) {
      terms.add(bbox);
    }
    int i = 0;
    for (Map.Entry<String, Object> f : q.filters().entrySet()) {
      if (filterColumns.contains(f.getKey())) {
        // The column name is one of filterColumns, the collection's fixed queryables.
        terms.add(f.getKey() + " = :f" + i);
        p.addValue("f" + i++, f.getValue(), Types.VARCHAR);
      }
    }
    if (onlyIds != null) {
      // An empty IN () is not SQL; no ids selects nothing.
      terms.add(onlyIds.isEmpty() ? "1 = 0" : "id IN (:onlyIds)");
      p.addValue("onlyIds", onlyIds);
    }
    String where = terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    return KeysetPages.page(jdbc, SELECT, where, p, q,
        (rs, n) -> asFeature.apply(map(rs, n)), () -> {
          Long count = jdbc.queryForObject("SELECT COUNT(*) FROM linked_areas" + where, p,
              Long.class);
          return count == null ? 0 : count;
        });
  }

  /** The extent of all areas in lon/lat, null when there are none. */
  Envelope extent() {
    return jdbc.query("SELECT MIN(ST_XMin(geom)) AS a, MIN(ST_YMin(geom)) AS b,"
        + " MAX(ST_XMax(geom)) AS c, MAX(ST_YMax(geom)) AS d FROM linked_areas", Map.of(),
        rs -> {
          if (!rs.next() || rs.getObject("a") == null) {
            return null;
          }
          return new Envelope(rs.getDouble("a"), rs.getDouble("c"), rs.getDouble("b"),
              rs.getDouble("d"));
        });
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
