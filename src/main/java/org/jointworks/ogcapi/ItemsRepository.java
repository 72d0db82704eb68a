package org.jointworks.ogcapi;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Field;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The items SQL of the stored layers: filters as bound parameters, keyset paging on the primary
 * key ({@link KeysetPages}), and an exact count with the same filters. Column names come from
 * {@link Layer} constants only. Thread-safe.
 */
@Repository
class ItemsRepository {
  /** Counts kept per layer revision; a bound on distinct filters a client can make us keep. */
  private static final int MAX_COUNTS = 1000;
  private final NamedParameterJdbcTemplate jdbc;
  private final LayerRevisions revisions;
  private final SnapshotPages snapshots;
  /**
   * numberMatched by layer, revision and filter: a walk through 100 pages counts once. Exact,
   * because every committed write moves the revision and so misses this cache.
   */
  private final Map<String, Long> counts = new java.util.concurrent.ConcurrentHashMap<>();

  ItemsRepository(NamedParameterJdbcTemplate jdbc, LayerRevisions revisions,
      SnapshotPages snapshots) {
    this.jdbc = jdbc;
    this.revisions = revisions;
    this.snapshots = snapshots;
  }

  ItemsPage page(Layer layer, ItemsQuery q) {
    return snapshots.answers(layer, q) ? snapshots.page(layer, q) : storedPage(layer, q);
  }

  /** The page as the store gives it: the keyset SQL and the count. */
  ItemsPage storedPage(Layer layer, ItemsQuery q) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    String where = where(layer, q, p);
    WKBReader wkb = new WKBReader(Geometries.LONLAT);
    return KeysetPages.page(jdbc, FeatureRepository.selectSql(layer), where, p, q,
        (rs, n) -> FeatureRepository.readRow(layer, rs, wkb), () -> count(layer, where, q));
  }

  private long count(Layer layer, String where, ItemsQuery q) {
    // Read the revision before counting: a write during the count leaves a key nobody asks for.
    String key = layer.id() + "@" + revisions.revision(layer) + where + "|" + q.bbox4490() + "|"
        + q.bbox4490East() + "|"
        + q.from() + "|" + q.to() + "|" + q.filters();
    Long cached = counts.get(key);
    if (cached != null) {
      return cached;
    }
    MapSqlParameterSource p = new MapSqlParameterSource();
    String w = where(layer, q, p);
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + layer.table() + w, p, Long.class);
    long matched = n == null ? 0 : n;
    if (counts.size() >= MAX_COUNTS) {
      counts.clear();
    }
    counts.put(key, matched);
    return matched;
  }

  /** The layer's extent in lon/lat, null when it has no geometry. */
  Envelope extent(Layer layer) {
    return jdbc.query("SELECT MIN(ST_XMin(geom)) AS a, MIN(ST_YMin(geom)) AS b,"
        + " MAX(ST_XMax(geom)) AS c, MAX(ST_YMax(geom)) AS d FROM " + layer.table(), Map.of(),
        rs -> {
          if (!rs.next() || rs.getObject("a") == null) {
            return null;
          }
          return new Envelope(rs.getDouble("a"), rs.getDouble("c"), rs.getDouble("b"),
              rs.getDouble("d"));
        });
  }

  /** The earliest start and latest end date of a temporal layer, null when empty. */
  String[] dateRange(Layer layer, String start, String end) {
    return jdbc.query("SELECT MIN(" + start + ") AS a, MAX(" + end + ") AS b FROM "
        + layer.table(), Map.of(), rs -> {
          if (!rs.next() || rs.getObject("a") == null) {
            return null;
          }
          return new String[] {rs.getObject("a", LocalDate.class).toString(),
              rs.getObject("b", LocalDate.class).toString()};
        });
  }

  private static String where(Layer layer, ItemsQuery q, MapSqlParameterSource p) {
    List<String> terms = new ArrayList<>();
    String bbox = KeysetPages.bboxTerm(q, p);
    if (bbox != null) {
      terms.add(bbox);
    }
    if (q.hasDatetime() && layer.field("start_date").isPresent()) {
      if (q.to() != null) {
        terms.add("start_date <= :dtTo");
        p.addValue("dtTo", q.to(), Types.DATE);
      }
      if (q.from() != null) {
        terms.add("end_date >= :dtFrom");
        p.addValue("dtFrom", q.from(), Types.DATE);
      }
    }
    if (org.jointworks.layers.PublicWorks.hiddenFromCurrentUser(layer)) {
      // Anonymous users page through the public works only; the term is part of the count's key.
      terms.add("status IN (:publicStatuses)");
      p.addValue("publicStatuses", List.copyOf(new java.util.TreeSet<>(
          org.jointworks.layers.Vocabulary.PUBLIC_WORK_STATUSES)));
    }
    int i = 0;
    for (Map.Entry<String, Object> f : q.filters().entrySet()) {
      Field field = layer.field(f.getKey()).orElseThrow();
      String param = "f" + i++;
      terms.add(field.name() + " = :" + param);
      p.addValue(param, f.getValue(), switch (field.type()) {
        case TEXT -> Types.VARCHAR;
        case INTEGER -> Types.BIGINT;
        case DECIMAL -> Types.DOUBLE;
        case DATE -> Types.DATE;
      });
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }
}
