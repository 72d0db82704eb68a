package org.jointworks.layers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jointworks.geo.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of every layer, generated from its {@link Layer} fields (trusted constants) with every
 * value bound as a parameter. Geometries cross JDBC as WKB through {@code ST_GeomFromWKB} and
 * {@code ST_AsBinary}, which H2GIS and PostGIS both provide, so one code path serves both stores.
 * Thread-safe.
 */
@Repository
public class FeatureRepository {
  private final NamedParameterJdbcTemplate jdbc;

  FeatureRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Feature> find(Layer layer, long id) {
    List<Feature> found = new ArrayList<>(1);
    jdbc.query(selectSql(layer) + " WHERE id = :id", Map.of("id", id),
        (RowCallbackHandler) rs -> found.add(readRow(layer, rs, new WKBReader(Geometries.LONLAT))));
    return found.stream().findFirst();
  }

  /** The features among {@code ids} that exist, in id order; one query (ids bound as a list). */
  public List<Feature> findByIds(Layer layer, java.util.Collection<Long> ids) {
    List<Feature> found = new ArrayList<>(ids.size());
    if (ids.isEmpty()) {
      return found;
    }
    WKBReader wkb = new WKBReader(Geometries.LONLAT);
    jdbc.query(selectSql(layer) + " WHERE id IN (:ids) ORDER BY id", Map.of("ids", ids),
        (RowCallbackHandler) rs -> found.add(readRow(layer, rs, wkb)));
    return found;
  }

  /**
   * Streams the layer's features in id order to {@code sink}, those whose bounding box meets
   * {@code bbox} (lon/lat) when it is given; the spatial index answers the bbox test.
   */
  public void forEach(Layer layer, Envelope bbox, Consumer<Feature> sink) {
    forEach(layer, bbox, null, sink);
  }

  /**
   * As {@link #forEach(Layer, Envelope, Consumer)}, keeping only features whose {@code name}
   * contains {@code nameContains} (ignoring case) when it is given and the layer has names.
   */
  public void forEach(Layer layer, Envelope bbox, String nameContains, Consumer<Feature> sink) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    StringBuilder sql = new StringBuilder(selectSql(layer)).append(" WHERE 1 = 1");
    if (bbox != null) {
      sql.append(" AND geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4490)");
      p.addValue("minx", bbox.getMinX()).addValue("miny", bbox.getMinY())
          .addValue("maxx", bbox.getMaxX()).addValue("maxy", bbox.getMaxY());
    }
    if (nameContains != null && layer.field("name").isPresent()) {
      sql.append(" AND LOWER(name) LIKE :q");
      p.addValue("q", "%" + nameContains.toLowerCase(java.util.Locale.ROOT)
          .replace("\\", "").replace("%", "").replace("_", "") + "%");
    }
    sql.append(" ORDER BY id");
    WKBReader wkb = new WKBReader(Geometries.LONLAT);
    jdbc.query(sql.toString(), p, (RowCallbackHandler) rs -> sink.accept(readRow(layer, rs, wkb)));
  }

  public List<Feature> findAll(Layer layer) {
    List<Feature> all = new ArrayList<>();
    forEach(layer, null, all::add);
    return all;
  }

  public long count(Layer layer) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + layer.table(), Map.of(), Long.class);
    return n == null ? 0 : n;
  }

  /** Whether the layer has no feature (as this transaction sees it). */
  public boolean isEmpty(Layer layer) {
    return jdbc.queryForList("SELECT id FROM " + layer.table() + " FETCH FIRST 1 ROWS ONLY",
        Map.of(), Long.class).isEmpty();
  }

  /** Inserts features whose ids are already allocated, with version 1, in JDBC batches. */
  public void insert(Layer layer, List<Feature> features) {
    List<MapSqlParameterSource> withGeometry = new ArrayList<>();
    for (Feature f : features) {
      if (f.geometry() == null) {
        jdbc.update(insertSql(layer, false), params(layer, f).addValue("id", f.id()));
      } else {
        withGeometry.add(params(layer, f).addValue("id", f.id()));
      }
    }
    if (!withGeometry.isEmpty()) {
      jdbc.batchUpdate(insertSql(layer, true), withGeometry.toArray(MapSqlParameterSource[]::new));
    }
  }

  /** Replaces a feature's geometry and properties if it is still at {@code expectedVersion}. */
  public boolean update(Layer layer, long id, long expectedVersion, Feature f) {
    String sets = layer.fields().stream().map(x -> x.name() + " = :" + x.name())
        .collect(Collectors.joining(", "));
    String geom = f.geometry() == null ? "NULL" : "ST_GeomFromWKB(:wkb, 4490)";
    String sql = "UPDATE " + layer.table() + " SET version = version + 1, geom = " + geom + ", "
        + sets + " WHERE id = :id AND version = :expected";
    return jdbc.update(sql, params(layer, f).addValue("id", id)
        .addValue("expected", expectedVersion)) == 1;
  }

  public boolean delete(Layer layer, long id, long expectedVersion) {
    return jdbc.update("DELETE FROM " + layer.table() + " WHERE id = :id AND version = :expected",
        Map.of("id", id, "expected", expectedVersion)) == 1;
  }

  /** The id of the district with this code, if any (district codes are the natural key). */
  public Optional<Long> districtIdByCode(String code) {
    return jdbc.queryForList("SELECT id FROM districts WHERE code = :c", Map.of("c", code),
        Long.class).stream().findFirst();
  }

  public Set<String> districtCodes() {
    return new HashSet<>(jdbc.queryForList("SELECT code FROM districts", Map.of(), String.class));
  }

  public Set<String> organisationCodes() {
    return new HashSet<>(
        jdbc.queryForList("SELECT code FROM organisations", Map.of(), String.class));
  }

  /** The SELECT of every column of a layer, geometry as WKB; rows read with {@link #readRow}. */
  public static String selectSql(Layer layer) {
    String cols = layer.fields().stream().map(Field::name).collect(Collectors.joining(", "));
    return "SELECT id, version, ST_AsBinary(geom) AS wkb, " + cols + " FROM " + layer.table();
  }

  private static String insertSql(Layer layer, boolean withGeometry) {
    String cols = layer.fields().stream().map(Field::name).collect(Collectors.joining(", "));
    String vals = layer.fields().stream().map(f -> ":" + f.name()).collect(Collectors.joining(", "));
    return "INSERT INTO " + layer.table() + " (id, version, geom, " + cols + ") VALUES (:id, 1, "
        + (withGeometry ? "ST_GeomFromWKB(:wkb, 4490)" : "NULL") + ", " + vals + ")";
  }

  private static MapSqlParameterSource params(Layer layer, Feature f) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    if (f.geometry() != null) {
      p.addValue("wkb", new WKBWriter(2).write(f.geometry()), Types.BINARY);
    }
    for (Field field : layer.fields()) {
      p.addValue(field.name(), f.get(field.name()), sqlType(field.type()));
    }
    return p;
  }

  private static int sqlType(FieldType type) {
    return switch (type) {
      case TEXT -> Types.VARCHAR;
      case INTEGER -> Types.BIGINT;
      case DECIMAL -> Types.DOUBLE;
      case DATE -> Types.DATE;
    };
  }

  /** Reads one row of {@link #selectSql} into a feature. */
  public static Feature readRow(Layer layer, ResultSet rs, WKBReader wkb) throws SQLException {
    Map<String, Object> props = new LinkedHashMap<>();
    for (Field field : layer.fields()) {
      Object v = switch (field.type()) {
        case TEXT -> rs.getString(field.name());
        case INTEGER -> nullable(rs.getLong(field.name()), rs);
        case DECIMAL -> nullable(rs.getDouble(field.name()), rs);
        case DATE -> rs.getObject(field.name(), LocalDate.class);
      };
      if (v != null) {
        props.put(field.name(), v);
      }
    }
    byte[] bytes = rs.getBytes("wkb");
    Geometry g = null;
    if (bytes != null) {
      try {
        g = wkb.read(bytes);
        g.setSRID(4490);
      } catch (ParseException e) {
        throw new SQLException("unreadable geometry in " + layer.table() + " " + rs.getLong("id"), e);
      }
    }
    return new Feature(rs.getLong("id"), rs.getLong("version"), g, props);
  }

  private static Object nullable(Object v, ResultSet rs) throws SQLException {
    return rs.wasNull() ? null : v;
  }
}
