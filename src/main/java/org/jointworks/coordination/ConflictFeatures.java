package org.jointworks.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jointworks.coordination.engine.WorkConflict;
import org.jointworks.coordination.engine.WorkRef;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.ogcapi.ItemsPage;
import org.jointworks.ogcapi.ItemsQuery;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The works conflicts of one works revision as OGC features, in pair order ({@code a} then
 * {@code b}), with what a page needs: filters, keyset paging on the pair and exact counts.
 * Built once per revision by {@link ConflictCollection}; a page is a scan of the list (a city has
 * thousands of conflicts, not millions) and a binary search for the cursor.
 *
 * <p>Each feature's geometry is where the two works would dig the same street
 * ({@link org.jointworks.coordination.engine.ConflictShape}) in lon/lat, or the conflict's point
 * when that is empty. Its {@link Feature#version()} is the works revision, so an item's ETag
 * changes whenever the works do. Immutable; thread-safe.
 */
final class ConflictFeatures {
  /** A pair's id: the two works' ids, lower first. */
  static final Pattern ID = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");

  private final Row[] rows;
  private final Envelope extent;
  private final String[] dates;

  /** One conflict with its sort key, time span and envelope. */
  private record Row(long a, long b, LocalDate start, LocalDate end, Feature feature) {}

  private ConflictFeatures(Row[] rows) {
    this.rows = rows;
    Envelope e = new Envelope();
    LocalDate first = null;
    LocalDate last = null;
    for (Row r : rows) {
      e.expandToInclude(r.feature().geometry().getEnvelopeInternal());
      first = first == null || r.start().isBefore(first) ? r.start() : first;
      last = last == null || r.end().isAfter(last) ? r.end() : last;
    }
    this.extent = e.isNull() ? null : e;
    this.dates = first == null ? null : new String[] {first.toString(), last.toString()};
  }

  /**
   * The features of {@code conflicts} (sorted by pair), each with the shape {@code shapes} gives
   * in the metric CRS {@code metricEpsg} (null for none), at works revision {@code revision}.
   */
  static ConflictFeatures of(List<WorkConflict> conflicts,
      java.util.function.Function<WorkConflict, Geometry> shapes, int metricEpsg, long revision) {
    Row[] rows = new Row[conflicts.size()];
    for (int i = 0; i < rows.length; i++) {
      WorkConflict c = conflicts.get(i);
      Geometry metric = shapes.apply(c);
      Geometry lonLat = metric == null
          ? Geometries.LONLAT.createPoint(new Coordinate(c.lon(), c.lat()))
          : Crs.transform(metric, metricEpsg, Crs.LONLAT);
      LocalDate start = min(c.a().startDate(), c.b().startDate());
      LocalDate end = max(c.a().endDate(), c.b().endDate());
      rows[i] = new Row(c.a().id(), c.b().id(), start, end,
          new Feature(0, revision, lonLat, properties(c, start, end)));
    }
    Arrays.sort(rows, Comparator.comparingLong(Row::a).thenComparingLong(Row::b));
    return new ConflictFeatures(rows);
  }

  private static Map<String, Object> properties(WorkConflict c, LocalDate start, LocalDate end) {
    Map<String, Object> p = new LinkedHashMap<>();
    side(p, "a_", c.a());
    side(p, "b_", c.b());
    p.put("kind", c.kind());
    p.put("gap_m", c.gapMeters());
    p.put("overlap_m", c.overlapMeters());
    p.put("overlap_m2", c.overlapM2());
    p.put("overlap_days", c.overlapDays());
    p.put("separation_days", c.separationDays());
    p.put("moratorium_until", c.moratoriumUntil());
    p.put("start_date", start);
    p.put("end_date", end);
    return p;
  }

  private static void side(Map<String, Object> p, String prefix, WorkRef w) {
    p.put(prefix + "id", w.id());
    p.put(prefix + "utility", w.utility());
    p.put(prefix + "owner", w.owner());
    p.put(prefix + "kind", w.kind());
    p.put(prefix + "status", w.status());
    p.put(prefix + "start", w.startDate());
    p.put(prefix + "end", w.endDate());
  }

  /** The id of a conflict feature, {@code "<a>-<b>"}. */
  static String idOf(Feature f) {
    return f.get("a_id") + "-" + f.get("b_id");
  }

  Envelope extent() {
    return extent == null ? null : new Envelope(extent);
  }

  String[] dates() {
    return dates == null ? null : dates.clone();
  }

  Optional<Feature> item(String id) {
    Matcher m = ID.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    int k = firstAfter(Arrays.asList(rows), Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
        false);
    return k < rows.length && rows[k].a() == Long.parseLong(m.group(1))
        && rows[k].b() == Long.parseLong(m.group(2)) ? Optional.of(rows[k].feature())
        : Optional.empty();
  }

  /** One page: the matching conflicts after (or before) the cursor pair, exact count. */
  ItemsPage page(ItemsQuery q, Predicate<Feature> properties) {
    Predicate<Row> when = r -> !q.hasDatetime()
        || (q.to() == null || !r.start().isAfter(q.to()))
        && (q.from() == null || !r.end().isBefore(q.from()));
    Geometry box = box(q);
    List<Row> matched = new ArrayList<>();
    for (Row r : rows) {
      if (when.test(r) && properties.test(r.feature())
          && (box == null || box.intersects(r.feature().geometry()))) {
        matched.add(r);
      }
    }
    int from;
    int to;
    if (q.before() != null) {
      long[] key = key(q.before());
      to = firstAfter(matched, key[0], key[1], false);
      from = Math.max(0, to - q.limit());
    } else {
      long[] key = q.after() == null ? null : key(q.after());
      from = key == null ? 0 : firstAfter(matched, key[0], key[1], true);
      to = Math.min(matched.size(), from + q.limit());
    }
    List<Feature> page = matched.subList(from, to).stream().map(Row::feature).toList();
    return new ItemsPage(page, matched.size(), !page.isEmpty() && to < matched.size(),
        !page.isEmpty() && from > 0);
  }

  private static Geometry box(ItemsQuery q) {
    if (q.bbox4490() == null) {
      return null;
    }
    Geometry west = Geometries.LONLAT.toGeometry(q.bbox4490());
    return q.bbox4490East() == null ? west
        : west.union(Geometries.LONLAT.toGeometry(q.bbox4490East()));
  }

  private static long[] key(String id) {
    Matcher m = ID.matcher(id.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a conflict id: " + id); // checked by the request
    }
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
  }

  /**
   * The first position whose pair is after (a, b) — strictly when {@code strictly}, else at or
   * after it — in a list sorted by pair.
   */
  private static int firstAfter(List<Row> sorted, long a, long b, boolean strictly) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      Row r = sorted.get(mid);
      int c = r.a() != a ? Long.compare(r.a(), a) : Long.compare(r.b(), b);
      if (c < 0 || strictly && c == 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static LocalDate min(LocalDate x, LocalDate y) {
    return x.isBefore(y) ? x : y;
  }

  private static LocalDate max(LocalDate x, LocalDate y) {
    return x.isAfter(y) ? x : y;
  }
}
