package org.jointworks.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Envelope;

/**
 * Parses the query string of {@code /items} into an {@link ItemsQuery} plus the output CRS, and
 * refuses (400) unknown parameters, repeated parameters and bad values, each with a message that
 * says what would be right. Stateless.
 */
final class ItemsRequest {
  /** Parameters every items request may carry besides the collection's queryables. */
  static final Set<String> STANDARD =
      Set.of("f", "bbox", "bbox-crs", "limit", "datetime", "crs", "after", "before");

  private ItemsRequest() {}

  /** The parsed request: what to select and in which CRS to answer. */
  record Parsed(ItemsQuery query, OgcCrs crs) {}

  static Parsed parse(OgcCollection c, Map<String, String[]> params) {
    Map<String, Queryable> queryables = new LinkedHashMap<>();
    c.queryables().forEach(q -> queryables.put(q.name(), q));
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, String[]> e : params.entrySet()) {
      if (!STANDARD.contains(e.getKey()) && !queryables.containsKey(e.getKey())) {
        unknown.add(e.getKey());
      } else if (e.getValue().length > 1) {
        throw ApiException.badRequest("parameter '" + e.getKey() + "' is given more than once");
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("unknown parameter(s) " + unknown + "; this collection takes "
          + new TreeSet<>(STANDARD) + " and the queryables " + queryables.keySet());
    }
    int limit = ItemsQuery.DEFAULT_LIMIT;
    String l = one(params, "limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l.trim());
      } catch (NumberFormatException ex) {
        throw ApiException.badRequest("limit must be a whole number from 1 to "
            + ItemsQuery.MAX_LIMIT);
      }
      if (limit < 1 || limit > ItemsQuery.MAX_LIMIT) {
        throw ApiException.badRequest("limit must be from 1 to " + ItemsQuery.MAX_LIMIT
            + ", got " + limit);
      }
    }
    OgcCrs crs = crs(one(params, "crs"), "crs");
    OgcCrs bboxCrs = crs(one(params, "bbox-crs"), "bbox-crs");
    String bboxText = one(params, "bbox");
    if (bboxText == null && one(params, "bbox-crs") != null) {
      throw ApiException.badRequest("bbox-crs needs a bbox");
    }
    Envelope bbox = null;
    Envelope east = null;
    if (bboxText != null) {
      double[] box = bbox(bboxText, bboxCrs);
      boolean s = bboxCrs.swapped();
      if (s ? box[1] > box[3] : box[0] > box[2]) {
        // Lower longitude east of the upper one: the box crosses the antimeridian (OGC 17-069
        // 7.15.3); it is the union of [lower, 180] and [-180, upper], in the CRS's axis order.
        bbox = bboxCrs.toStorage(s ? new double[] {box[0], box[1], box[2], 180}
            : new double[] {box[0], box[1], 180, box[3]});
        east = bboxCrs.toStorage(s ? new double[] {box[0], -180, box[2], box[3]}
            : new double[] {-180, box[1], box[2], box[3]});
      } else {
        bbox = bboxCrs.toStorage(box);
      }
    }
    String dt = one(params, "datetime");
    LocalDate[] interval = dt == null ? new LocalDate[2] : datetime(dt);
    Map<String, Object> filters = new LinkedHashMap<>();
    for (Queryable q : queryables.values()) {
      String v = one(params, q.name());
      if (v != null) {
        filters.put(q.name(), value(q, v));
      }
    }
    String after = id(c.ids(), one(params, "after"), "after");
    String before = id(c.ids(), one(params, "before"), "before");
    if (after != null && before != null) {
      throw ApiException.badRequest("give either after or before, not both");
    }
    return new Parsed(new ItemsQuery(bbox, east, dt != null, interval[0], interval[1], filters, limit,
        after, before), crs);
  }

  /** The output CRS of a single item request, refusing any parameter but f and crs. */
  static OgcCrs itemCrs(Map<String, String[]> params) {
    for (String name : params.keySet()) {
      if (!name.equals("f") && !name.equals("crs")) {
        throw ApiException.badRequest("unknown parameter '" + name + "'; an item takes f and crs");
      }
    }
    return crs(one(params, "crs"), "crs");
  }

  static OgcCrs crs(String uri, String name) {
    if (uri == null) {
      return OgcCrs.CRS84;
    }
    return OgcCrs.byUri(uri).orElseThrow(() -> ApiException.badRequest(name + " '" + uri
        + "' is not offered; one of " + OgcCrs.uris()));
  }

  private static String one(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 ? null : v[0];
  }

  /** The bbox as x-first numbers; an antimeridian crossing is allowed in lon/lat only. */
  static double[] bbox(String text, OgcCrs crs) {
    double[] box = bbox(text, crs.swapped());
    boolean lonLat = crs.epsg() == org.jointworks.geo.Crs.LONLAT
        || crs.epsg() == org.jointworks.geo.Crs.CRS84;
    double[] xy = crs.swapped() ? new double[] {box[1], box[0], box[3], box[2]} : box;
    if (lonLat && (Math.abs(xy[0]) > 180 || Math.abs(xy[2]) > 180 || Math.abs(xy[1]) > 90
        || Math.abs(xy[3]) > 90)) {
      throw ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST, "request.bbox",
          "bbox longitudes must lie within -180..180 and latitudes within -90..90",
          java.util.Map.of());
    }
    if (xy[0] > xy[2] && !lonLat) {
      throw ApiException.badRequest("bbox lower corner must not exceed its upper corner");
    }
    return box;
  }

  private static double[] bbox(String text, boolean swapped) {
    String[] parts = text.split(",");
    if (parts.length != 4 && parts.length != 6) {
      throw ApiException.badRequest("bbox must be 4 numbers (minx,miny,maxx,maxy in the axis"
          + " order of bbox-crs) or 6 with heights");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < v.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("bbox value '" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw ApiException.badRequest("bbox values must be finite numbers");
      }
    }
    double[] box = v.length == 4 ? v : new double[] {v[0], v[1], v[3], v[4]};
    // The northing/latitude may never be reversed; the easting only across the antimeridian.
    if (swapped ? box[0] > box[2] : box[1] > box[3]) {
      throw ApiException.badRequest("bbox lower corner must not exceed its upper corner");
    }
    return box;
  }

  /** A datetime instant or interval as {first day, last day}, null for an open end. */
  static LocalDate[] datetime(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length > 2) {
      throw ApiException.badRequest("datetime must be an instant or an interval start/end");
    }
    if (parts.length == 1) {
      LocalDate d = day(parts[0], true);
      if (d == null) {
        throw ApiException.badRequest("datetime '" + text + "' is not a date or date-time");
      }
      return new LocalDate[] {d, d};
    }
    LocalDate from = day(parts[0], false);
    LocalDate to = day(parts[1], false);
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.badRequest("datetime interval ends before it starts");
    }
    return new LocalDate[] {from, to};
  }

  private static LocalDate day(String s, boolean required) {
    String t = s.trim();
    if (t.isEmpty() || t.equals("..")) {
      if (required) {
        throw ApiException.badRequest("datetime needs a date");
      }
      return null;
    }
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t);
      }
      return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("datetime '" + s + "' is not RFC 3339 (for example"
          + " 2023-03-01 or 2023-03-01T00:00:00Z)");
    }
  }

  private static Object value(Queryable q, String v) {
    try {
      return switch (q.type()) {
        case TEXT -> {
          if (!q.allowed().isEmpty() && !q.allowed().contains(v)) {
            throw ApiException.badRequest(q.name() + " '" + v + "' is not one of "
                + new TreeSet<>(q.allowed()));
          }
          yield v;
        }
        case INTEGER -> Long.parseLong(v.trim());
        case DECIMAL -> Double.parseDouble(v.trim());
        case DATE -> LocalDate.parse(v.trim());
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw ApiException.badRequest(q.name() + " '" + v + "' is not a valid "
          + q.type().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static String id(FeatureIds ids, String v, String name) {
    if (v == null) {
      return null;
    }
    if (!ids.valid(v)) {
      throw ApiException.badRequest(name + " must be a feature id");
    }
    return v;
  }
}
