package org.jointworks.tiles.mvt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Maps a feature that crosses the clip box to tile units (y down) and cuts it to the square
 * {@code [lo, hi]²}: rings with Sutherland-Hodgman, lines segment by segment (Liang-Barsky),
 * points by containment. A concave ring can come out with zero-width bridges along the clip
 * edge; the edge lies in the buffer outside the visible tile, so renderers never show them, and
 * PostGIS's ST_AsMVTGeom clips by box the same way. Replaces the encoding library's
 * createTileGeom (a full overlay per feature, about 15 µs each: two thirds of a z14 tile).
 * Stateless and thread-safe.
 */
final class TileClipper {
  private TileClipper() {}

  /** The clipped geometry in (unrounded) tile units, or null when nothing is left. */
  static Geometry clip(Geometry g, Envelope tile, double unitsPerM, double lo, double hi,
      GeometryFactory f) {
    double ox = tile.getMinX();
    double oy = tile.getMaxY();
    if (g instanceof Polygonal) {
      List<Polygon> out = new ArrayList<>();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Polygon p = (Polygon) g.getGeometryN(i);
        LinearRing shell = ring(p.getExteriorRing().getCoordinateSequence(), ox, oy, unitsPerM,
            lo, hi, f);
        if (shell == null) {
          continue;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          LinearRing r = ring(p.getInteriorRingN(h).getCoordinateSequence(), ox, oy, unitsPerM,
              lo, hi, f);
          if (r != null) {
            holes.add(r);
          }
        }
        out.add(f.createPolygon(shell, holes.toArray(new LinearRing[0])));
      }
      return out.isEmpty() ? null : out.size() == 1 ? out.get(0)
          : f.createMultiPolygon(out.toArray(new Polygon[0]));
    }
    if (g instanceof Lineal) {
      List<LineString> out = new ArrayList<>();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        lines(((LineString) g.getGeometryN(i)).getCoordinateSequence(), ox, oy, unitsPerM, lo,
            hi, f, out);
      }
      return out.isEmpty() ? null : out.size() == 1 ? out.get(0)
          : f.createMultiLineString(out.toArray(new LineString[0]));
    }
    if (g instanceof Point || g.getGeometryType().equals(Geometry.TYPENAME_MULTIPOINT)) {
      List<Point> out = new ArrayList<>();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Point p = (Point) g.getGeometryN(i);
        double x = (p.getX() - ox) * unitsPerM;
        double y = (oy - p.getY()) * unitsPerM;
        if (x >= lo && x <= hi && y >= lo && y <= hi) {
          out.add(f.createPoint(new Coordinate(x, y)));
        }
      }
      return out.isEmpty() ? null : out.size() == 1 ? out.get(0)
          : f.createMultiPoint(out.toArray(new Point[0]));
    }
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry c = clip(g.getGeometryN(i), tile, unitsPerM, lo, hi, f);
      if (c != null) {
        parts.add(c);
      }
    }
    return parts.isEmpty() ? null : f.createGeometryCollection(parts.toArray(new Geometry[0]));
  }

  private static LinearRing ring(CoordinateSequence seq, double ox, double oy, double u,
      double lo, double hi, GeometryFactory f) {
    int n = seq.size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = (seq.getX(i) - ox) * u;
      ys[i] = (oy - seq.getY(i)) * u;
    }
    if (n > 1 && xs[0] == xs[n - 1] && ys[0] == ys[n - 1]) {
      n--;
    }
    double[][] r = {xs, ys};
    for (int edge = 0; edge < 4 && n > 0; edge++) {
      r = clipEdge(r[0], r[1], n, edge, lo, hi);
      n = r[0].length;
    }
    if (n < 3) {
      return null;
    }
    Coordinate[] cs = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      cs[i] = new Coordinate(r[0][i], r[1][i]);
    }
    cs[n] = cs[0].copy();
    return f.createLinearRing(cs);
  }

  /** One Sutherland-Hodgman pass: edge 0 x ≥ lo, 1 x ≤ hi, 2 y ≥ lo, 3 y ≤ hi. */
  private static double[][] clipEdge(double[] xs, double[] ys, int n, int edge, double lo,
      double hi) {
    double[] ox = new double[2 * n];
    double[] oy = new double[2 * n];
    int m = 0;
    double px = xs[n - 1];
    double py = ys[n - 1];
    boolean pIn = inside(px, py, edge, lo, hi);
    for (int i = 0; i < n; i++) {
      double cx = xs[i];
      double cy = ys[i];
      boolean cIn = inside(cx, cy, edge, lo, hi);
      if (cIn != pIn) {
        double bound = edge == 0 || edge == 2 ? lo : hi;
        double t = edge < 2 ? (bound - px) / (cx - px) : (bound - py) / (cy - py);
        ox[m] = edge < 2 ? bound : px + t * (cx - px);
        oy[m++] = edge < 2 ? py + t * (cy - py) : bound;
      }
      if (cIn) {
        ox[m] = cx;
        oy[m++] = cy;
      }
      px = cx;
      py = cy;
      pIn = cIn;
    }
    return new double[][] {Arrays.copyOf(ox, m), Arrays.copyOf(oy, m)};
  }

  private static boolean inside(double x, double y, int edge, double lo, double hi) {
    return switch (edge) {
      case 0 -> x >= lo;
      case 1 -> x <= hi;
      case 2 -> y >= lo;
      default -> y <= hi;
    };
  }

  /** Cuts a line to the box with Liang-Barsky per segment, starting a new piece at each gap. */
  private static void lines(CoordinateSequence seq, double ox, double oy, double u, double lo,
      double hi, GeometryFactory f, List<LineString> out) {
    List<Coordinate> piece = new ArrayList<>();
    for (int i = 1; i < seq.size(); i++) {
      double x0 = (seq.getX(i - 1) - ox) * u;
      double y0 = (oy - seq.getY(i - 1)) * u;
      double dx = (seq.getX(i) - ox) * u - x0;
      double dy = (oy - seq.getY(i)) * u - y0;
      double t0 = 0;
      double t1 = 1;
      double[] p = {-dx, dx, -dy, dy};
      double[] q = {x0 - lo, hi - x0, y0 - lo, hi - y0};
      boolean visible = true;
      for (int k = 0; k < 4 && visible; k++) {
        if (p[k] == 0) {
          visible = q[k] >= 0;
        } else {
          double t = q[k] / p[k];
          if (p[k] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
          visible = t0 <= t1;
        }
      }
      if (!visible) {
        flush(piece, f, out);
        continue;
      }
      Coordinate a = new Coordinate(x0 + t0 * dx, y0 + t0 * dy);
      if (!piece.isEmpty() && !piece.get(piece.size() - 1).equals2D(a)) {
        flush(piece, f, out);
      }
      if (piece.isEmpty()) {
        piece.add(a);
      }
      piece.add(new Coordinate(x0 + t1 * dx, y0 + t1 * dy));
      if (t1 < 1) {
        flush(piece, f, out);
      }
    }
    flush(piece, f, out);
  }

  private static void flush(List<Coordinate> piece, GeometryFactory f, List<LineString> out) {
    if (piece.size() >= 2) {
      out.add(f.createLineString(piece.toArray(new Coordinate[0])));
    }
    piece.clear();
  }
}
