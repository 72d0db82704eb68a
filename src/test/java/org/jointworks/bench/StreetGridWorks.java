package org.jointworks.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * A deterministic city of works for benchmarks: a street grid 200 m apart, sized so the works'
 * total length covers about 60% of the street length whatever their number (1,000,000 works: a
 * square of 100 km); each work runs 20 to 100 m along one street at a lateral offset within ±6 m
 * of the centre line, starts on a day of 2023 and lasts 5 to 60 days; 3% are cancelled.
 * Coordinates are generated in the metric CRS (EPSG:4547, around Xinxiang) and transformed to
 * lon/lat for the features. Not thread-safe (one Random).
 */
final class StreetGridWorks {
  private static final String[] UTILITIES =
      {"water_supply", "drainage", "gas", "heating", "power", "telecom"};
  private static final String[] KINDS = {"replace", "new", "repair", "remove"};
  static final double SPACING = 200;
  static final double X0 = 490_000 - 50_000;
  static final double Y0 = 3_910_000 - 50_000;

  private final Random random;
  private final double side;
  private final int streets;

  StreetGridWorks(long seed, int n) {
    this.random = new Random(seed);
    // street length = 2 * side^2 / spacing; works length = n * 60 m; coverage 0.6
    this.side = Math.sqrt(n * 60 / 0.6 * SPACING / 2);
    this.streets = Math.max(1, (int) (side / SPACING));
  }

  /** One generated work: its feature (lon/lat) and its metric geometry. */
  record Generated(Feature feature, Geometry metric) {}

  List<Generated> generate(int n, long firstId) {
    List<Generated> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next(firstId + i));
    }
    return out;
  }

  Generated next(long id) {
    double street = SPACING * random.nextInt(streets);
    double along = random.nextDouble() * (side - 100);
    double length = 20 + random.nextDouble() * 80;
    double offset = (random.nextDouble() - 0.5) * 12;
    Coordinate a;
    Coordinate b;
    if (random.nextBoolean()) {
      a = new Coordinate(X0 + along, Y0 + street + offset);
      b = new Coordinate(X0 + along + length, Y0 + street + offset);
    } else {
      a = new Coordinate(X0 + street + offset, Y0 + along);
      b = new Coordinate(X0 + street + offset, Y0 + along + length);
    }
    LineString metric = Geometries.METRIC.createLineString(new Coordinate[] {a, b});
    LocalDate start = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
    LocalDate end = start.plusDays(5 + random.nextInt(56));
    Map<String, Object> p = new LinkedHashMap<>();
    String utility = UTILITIES[random.nextInt(UTILITIES.length)];
    p.put("utility", utility);
    p.put("owner", utility);
    p.put("kind", KINDS[random.nextInt(KINDS.length)]);
    p.put("start_date", start);
    p.put("end_date", end);
    p.put("status", random.nextInt(100) < 3 ? "cancelled" : "approved");
    Geometry lonLat = Crs.transform(metric, Crs.GK_114E, Crs.LONLAT);
    return new Generated(new Feature(id, 1, lonLat, p), metric);
  }
}
