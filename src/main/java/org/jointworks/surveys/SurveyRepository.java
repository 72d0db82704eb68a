package org.jointworks.surveys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The survey's own SQL beside the layers' generic repository: organisation names, the point
 * numbers an owner already has, and the two tables of an export (points; pipelines that name
 * both their end points). Bound named parameters only; the same SQL on H2GIS and PostGIS.
 * Thread-safe.
 */
@Repository
class SurveyRepository {
  private final NamedParameterJdbcTemplate jdbc;

  SurveyRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Organisation names and codes → codes, so a survey's 权属单位 may say either. */
  Map<String, String> organisations() {
    Map<String, String> out = new HashMap<>();
    jdbc.query("SELECT code, name FROM organisations", Map.of(), (RowCallbackHandler) rs -> {
      out.put(rs.getString("code"), rs.getString("code"));
      if (rs.getString("name") != null) {
        out.putIfAbsent(rs.getString("name"), rs.getString("code"));
      }
    });
    return out;
  }

  /** {@code owner + "\u0000" + point_no} of every stored point of these owners. */
  Set<String> pointNumbers(Collection<String> owners) {
    Set<String> out = new HashSet<>();
    if (owners.isEmpty()) {
      return out;
    }
    jdbc.query("SELECT owner, point_no FROM pipe_points WHERE owner IN (:owners)",
        Map.of("owners", owners), (RowCallbackHandler) rs -> out.add(
            key(rs.getString("owner"), rs.getString("point_no"))));
    return out;
  }

  static String key(String owner, String pointNo) {
    return owner + "\u0000" + pointNo;
  }

  /**
   * Streams the features of an export table in id order: every pipe point, or every pipeline
   * naming both end points; of one owner and one utility when they are given.
   */
  void forEach(Layer layer, String owner, String utility, Consumer<Feature> sink) {
    StringBuilder sql = new StringBuilder(FeatureRepository.selectSql(layer)).append(
        layer == Layer.PIPELINES ? " WHERE start_point IS NOT NULL AND end_point IS NOT NULL"
            : " WHERE 1 = 1");
    MapSqlParameterSource p = new MapSqlParameterSource();
    if (owner != null) {
      sql.append(" AND owner = :owner");
      p.addValue("owner", owner);
    }
    if (utility != null) {
      sql.append(" AND utility = :utility");
      p.addValue("utility", utility);
    }
    sql.append(" ORDER BY id");
    WKBReader wkb = new WKBReader(Geometries.LONLAT);
    jdbc.query(sql.toString(), p, (RowCallbackHandler) rs -> sink.accept(
        FeatureRepository.readRow(layer, rs, wkb)));
  }

  List<Feature> all(Layer layer, String owner, String utility) {
    List<Feature> out = new ArrayList<>();
    forEach(layer, owner, utility, out::add);
    return out;
  }
}
