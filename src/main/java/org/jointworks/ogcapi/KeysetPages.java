package org.jointworks.ogcapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The items SQL every collection shares, for a table whose primary key is {@code id} and whose
 * geometry is {@code geom} (EPSG:4490): keyset paging ({@code id > :after ORDER BY id LIMIT n+1},
 * or {@code id < :before ORDER BY id DESC} reversed), so page 1,000 costs what page 1 costs, and
 * the bbox term. Values are always bound parameters. Stateless.
 */
public final class KeysetPages {
  private KeysetPages() {}

  /**
   * One page of {@code select}.
   *
   * @param select a {@code SELECT … FROM table} without WHERE
   * @param where empty or {@code " WHERE …"}, its parameters already in {@code p}
   * @param rows reads one row as a feature
   * @param numberMatched the exact count of rows matching {@code where}, asked once per page
   */
  public static ItemsPage page(NamedParameterJdbcTemplate jdbc, String select, String where,
      MapSqlParameterSource p, ItemsQuery q, RowMapper<Feature> rows, LongSupplier numberMatched) {
    boolean backwards = q.before() != null;
    String keyset = q.after() != null ? "id > :after" : backwards ? "id < :before" : null;
    if (q.after() != null) {
      p.addValue("after", Long.parseLong(q.after().trim()));
    }
    if (backwards) {
      p.addValue("before", Long.parseLong(q.before().trim()));
    }
    String pageWhere = keyset == null ? where
        : where.isEmpty() ? " WHERE " + keyset : where + " AND " + keyset;
    p.addValue("limitPlusOne", q.limit() + 1);
    String sql = select + pageWhere + " ORDER BY id" + (backwards ? " DESC" : "")
        + " LIMIT :limitPlusOne";
    List<Feature> found = jdbc.query(sql, p, rows);
    boolean more = found.size() > q.limit();
    List<Feature> page = new ArrayList<>(more ? found.subList(0, q.limit()) : found);
    if (backwards) {
      Collections.reverse(page);
    }
    boolean hasNext = backwards || more;
    boolean hasPrev = backwards ? more : q.after() != null;
    return new ItemsPage(page, numberMatched.getAsLong(), hasNext && !page.isEmpty(),
        hasPrev && !page.isEmpty());
  }

  /** The bbox term of {@code q} on {@code geom}, or null without a bbox. */
  public static String bboxTerm(ItemsQuery q, MapSqlParameterSource p) {
    if (q.bbox4490() == null) {
      return null;
    }
    String west = box(q.bbox4490(), "", p);
    return q.bbox4490East() == null ? west
        : "((" + west + ") OR (" + box(q.bbox4490East(), "e", p) + "))";
  }

  private static String box(Envelope b, String suffix, MapSqlParameterSource p) {
    String env = "ST_MakeEnvelope(:minx" + suffix + ", :miny" + suffix + ", :maxx" + suffix
        + ", :maxy" + suffix + ", 4490)";
    p.addValue("minx" + suffix, b.getMinX()).addValue("miny" + suffix, b.getMinY())
        .addValue("maxx" + suffix, b.getMaxX()).addValue("maxy" + suffix, b.getMaxY());
    // && lets the spatial index answer; ST_Intersects keeps the answer exact.
    return "geom && " + env + " AND ST_Intersects(geom, " + env + ")";
  }
}
