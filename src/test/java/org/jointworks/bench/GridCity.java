package org.jointworks.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A deterministic synthetic city for adjacency tests and benchmarks: communities on a grid of
 * 120 m cells near Xinxiang, separated by streets of random width. A fifth of the street
 * crossings are shared walls (the blocks touch), one in twenty overlap by a survey sliver, the
 * rest are streets of 4-28 m or 32-70 m; corners are jittered by up to 2.5 m and every edge
 * has a slightly bent midpoint, so edges are slanted and polygons have 8 vertices, like surveyed
 * ones. Built in the metric CRS and stored in lon/lat (EPSG:4490), as the service stores them.
 *
 * <p>Stateless; the same {@code (n, seed)} always gives the same city.
 */
public final class GridCity {
  static final double CELL = 120;
  private static final double ORIGIN_X = 470_000;
  private static final double ORIGIN_Y = 3_895_000;
  private static final String[] DISTRICTS = {"weibin", "hongqi", "muye", "fengquan"};

  private GridCity() {}

  /** {@code n} communities with ids 1..n in lon/lat. */
  public static List<Feature> communities(int n, long seed) {
    int cols = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = streetEdges(cols, random);
    double[] ys = streetEdges(rows, random);
    List<Feature> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int c = k % cols;
      int r = k / cols;
      Polygon metric = block(xs[2 * c], ys[2 * r], xs[2 * c + 1], ys[2 * r + 1], random);
      Geometry lonLat = Crs.transform(metric, Crs.GK_114E, Crs.LONLAT);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", "网格" + (k + 1) + "小区");
      p.put("district", DISTRICTS[(c * DISTRICTS.length) / cols]);
      p.put("households", 40L + random.nextInt(400));
      p.put("buildings", 2L + random.nextInt(12));
      p.put("floor_area_m2", 3000.0 + random.nextInt(30_000));
      out.add(new Feature(k + 1, 1, lonLat, p));
    }
    return out;
  }

  /** Left and right (or bottom and top) edges of each block along one axis. */
  private static double[] streetEdges(int count, SplittableRandom random) {
    double[] edges = new double[2 * count];
    for (int i = 0; i < count; i++) {
      double start = i * CELL;
      edges[2 * i] = i == 0 ? start : edges[2 * i - 1] + street(random);
      edges[2 * i + 1] = start + CELL - 10;
    }
    return edges;
  }

  /** The width of the street before a block: shared wall, sliver overlap, narrow or wide street. */
  private static double street(SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.20) {
      return 0;
    } else if (u < 0.25) {
      return -0.4;
    } else if (u < 0.65) {
      return 4 + 24 * random.nextDouble();
    }
    return 32 + 38 * random.nextDouble();
  }

  private static Polygon block(double x0, double y0, double x1, double y1,
      SplittableRandom random) {
    // Half the blocks keep exact corners, so the walls they share stay exactly shared.
    boolean jitter = random.nextDouble() < 0.5;
    Coordinate[] c = {
        corner(x0, y0, jitter, random), mid(x0, y0, x1, y0, random),
        corner(x1, y0, jitter, random), mid(x1, y0, x1, y1, random),
        corner(x1, y1, jitter, random), mid(x1, y1, x0, y1, random),
        corner(x0, y1, jitter, random), mid(x0, y1, x0, y0, random), null};
    c[8] = c[0].copy();
    return Geometries.METRIC.createPolygon(move(c));
  }

  private static Coordinate corner(double x, double y, boolean jitter, SplittableRandom random) {
    return jitter ? new Coordinate(x + 5 * (random.nextDouble() - 0.5),
        y + 5 * (random.nextDouble() - 0.5)) : new Coordinate(x, y);
  }

  /** A midpoint pushed inwards by up to 1 m, so walls bend a little as surveyed ones do. */
  private static Coordinate mid(double ax, double ay, double bx, double by,
      SplittableRandom random) {
    double mx = (ax + bx) / 2;
    double my = (ay + by) / 2;
    double len = Math.hypot(bx - ax, by - ay);
    double push = random.nextDouble();
    // Inward normal of a counter-clockwise ring is the left normal.
    return new Coordinate(mx - push * (by - ay) / len, my + push * (bx - ax) / len);
  }

  private static Coordinate[] move(Coordinate[] local) {
    Coordinate[] out = new Coordinate[local.length];
    for (int i = 0; i < local.length; i++) {
      out[i] = new Coordinate(local[i].x + ORIGIN_X, local[i].y + ORIGIN_Y);
    }
    return out;
  }

  /** The communities as a GeoJSON FeatureCollection for {@code POST /api/import/communities}. */
  public static String geoJson(List<Feature> features) {
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < features.size(); i++) {
      Feature f = features.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
      Coordinate[] cs = f.geometry().getCoordinates();
      for (int k = 0; k < cs.length; k++) {
        sb.append(k > 0 ? "," : "").append(String.format(Locale.ROOT, "[%.10f,%.10f]",
            cs[k].x, cs[k].y));
      }
      sb.append("]]},\"properties\":{\"name\":\"").append(f.text("name"))
          .append("\",\"district\":\"").append(f.text("district"))
          .append("\",\"households\":").append(f.get("households"))
          .append(",\"buildings\":").append(f.get("buildings"))
          .append(",\"floor_area_m2\":").append(f.get("floor_area_m2")).append("}}");
    }
    return sb.append("]}").toString();
  }
}
