package org.jointworks.coordination.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * The length of a line lying within a distance {@code r} of another geometry, computed exactly
 * (to floating point), not by buffering: a buffer polygon approximates its round caps with chords
 * and would under-count by up to a few centimetres per cap.
 *
 * <p>For one segment {@code P(t) = P0 + t (P1 - P0)}, the points within {@code r} of a segment
 * {@code S} form the capsule (Minkowski sum of S and a disc). The capsule is convex, so the
 * parameters {@code t} inside it are one interval, the hull of the intervals cut by its three
 * convex pieces: the two end discs (a quadratic each) and the slab beside the segment (two linear
 * inequalities). The union of these intervals over all segments of the other geometry, times the
 * segment's length, is the answer. For an areal other geometry the gaps between intervals are
 * further than {@code r} from its boundary, so each gap is wholly inside or wholly outside, and
 * one point-in-polygon test at its middle decides it.
 *
 * <p>Cost: segments of the line times segments of the other; works and pipelines have a handful
 * of vertices. Stateless; thread-safe.
 */
public final class NearLength {
  private NearLength() {}

  /** The length of the linear parts of {@code line} lying within {@code r} of {@code other}. */
  public static double lengthWithin(Geometry line, Geometry other, double r) {
    if (line.getDimension() != 1) {
      return 0; // only lines have a length along a street; areas are measured by shared area
    }
    List<Coordinate[]> otherSegments = segmentsOf(other);
    IndexedPointInAreaLocator inside = hasArea(other)
        ? new IndexedPointInAreaLocator(other) : null;
    double total = 0;
    for (Object o : LinearComponentExtracter.getLines(line)) {
      Coordinate[] cs = ((LineString) o).getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        total += segmentWithin(cs[i], cs[i + 1], otherSegments, inside, r, null);
      }
    }
    return total;
  }

  /**
   * The parts of {@code line} lying within {@code r} of {@code other}, the very stretches
   * {@link #lengthWithin} measures (so their length is its answer), as lines of {@code factory};
   * pieces that meet at a vertex are joined. Empty for a line that is not linear or has no part
   * of positive length within {@code r}.
   */
  public static MultiLineString partsWithin(Geometry line, Geometry other, double r,
      GeometryFactory factory) {
    List<LineString> parts = new ArrayList<>();
    if (line.getDimension() == 1) {
      List<Coordinate[]> otherSegments = segmentsOf(other);
      IndexedPointInAreaLocator inside = hasArea(other)
          ? new IndexedPointInAreaLocator(other) : null;
      for (Object o : LinearComponentExtracter.getLines(line)) {
        Coordinate[] cs = ((LineString) o).getCoordinates();
        CoordinateList open = new CoordinateList();
        for (int i = 0; i + 1 < cs.length; i++) {
          List<double[]> covered = new ArrayList<>();
          segmentWithin(cs[i], cs[i + 1], otherSegments, inside, r, covered);
          for (double[] iv : covered) {
            Coordinate from = at(cs[i], cs[i + 1], iv[0]);
            if (!open.isEmpty() && !open.getCoordinate(open.size() - 1).equals2D(from)) {
              close(open, parts, factory);
            }
            open.add(from, false);
            open.add(at(cs[i], cs[i + 1], iv[1]), false);
          }
          if (covered.isEmpty() || covered.get(covered.size() - 1)[1] < 1) {
            close(open, parts, factory);
          }
        }
        close(open, parts, factory);
      }
    }
    return factory.createMultiLineString(parts.toArray(LineString[]::new));
  }

  private static Coordinate at(Coordinate p0, Coordinate p1, double t) {
    // The ends exactly, so pieces ending and starting on a vertex join.
    return t <= 0 ? new Coordinate(p0.x, p0.y) : t >= 1 ? new Coordinate(p1.x, p1.y)
        : new Coordinate(p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y));
  }

  private static void close(CoordinateList open, List<LineString> parts, GeometryFactory f) {
    if (open.size() >= 2) {
      parts.add(f.createLineString(open.toCoordinateArray()));
    }
    open.clear();
  }

  private static boolean hasArea(Geometry g) {
    return g.getDimension() == 2;
  }

  private static List<Coordinate[]> segmentsOf(Geometry g) {
    List<Coordinate[]> out = new ArrayList<>();
    for (Object o : LinearComponentExtracter.getLines(g)) {
      Coordinate[] cs = ((LineString) o).getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        out.add(new Coordinate[] {cs[i], cs[i + 1]});
      }
    }
    if (out.isEmpty()) {
      for (Coordinate c : g.getCoordinates()) {
        out.add(new Coordinate[] {c, c}); // points: degenerate segments, i.e. discs
      }
    }
    return out;
  }

  /**
   * The length of P0->P1 within r of {@code others} (or inside the area); when {@code covered} is
   * not null, also the covered parameter intervals, in order, merged where they touch.
   */
  private static double segmentWithin(Coordinate p0, Coordinate p1, List<Coordinate[]> others,
      IndexedPointInAreaLocator inside, double r, List<double[]> covered) {
    double len = p0.distance(p1);
    if (len == 0) {
      return 0;
    }
    double[] lo = new double[others.size()];
    double[] hi = new double[others.size()];
    int n = 0;
    for (Coordinate[] s : others) {
      double[] iv = capsule(p0, p1, s[0], s[1], r);
      if (iv != null) {
        lo[n] = iv[0];
        hi[n] = iv[1];
        n++;
      }
    }
    // Sort intervals by start, merge, and measure; gaps may lie inside an area.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(lo[x], lo[y]));
    double sum = 0;
    double cursor = 0; // parameters below cursor are decided
    for (int k = 0; k < n; k++) {
      double a = Math.max(lo[order[k]], cursor);
      double b = hi[order[k]];
      if (b <= cursor) {
        continue;
      }
      if (a > cursor) {
        double gap = gapInside(p0, p1, cursor, a, inside);
        sum += gap;
        collect(covered, cursor, gap > 0 ? a : cursor);
      }
      sum += b - a;
      collect(covered, a, b);
      cursor = b;
    }
    if (cursor < 1) {
      double gap = gapInside(p0, p1, cursor, 1, inside);
      sum += gap;
      collect(covered, cursor, gap > 0 ? 1 : cursor);
    }
    return sum * len;
  }

  /** Adds [a, b] to {@code covered}, joined to the last interval when they touch. */
  private static void collect(List<double[]> covered, double a, double b) {
    if (covered == null || b <= a) {
      return;
    }
    if (!covered.isEmpty() && covered.get(covered.size() - 1)[1] >= a) {
      covered.get(covered.size() - 1)[1] = b;
    } else {
      covered.add(new double[] {a, b});
    }
  }

  private static double gapInside(Coordinate p0, Coordinate p1, double a, double b,
      IndexedPointInAreaLocator inside) {
    if (inside == null) {
      return 0;
    }
    double t = (a + b) / 2;
    Coordinate mid = new Coordinate(p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y));
    return inside.locate(mid) == Location.INTERIOR ? b - a : 0;
  }

  /** Parameters t in [0,1] of P0->P1 within r of segment S0->S1, or null if none. */
  static double[] capsule(Coordinate p0, Coordinate p1, Coordinate s0, Coordinate s1, double r) {
    double dx = p1.x - p0.x;
    double dy = p1.y - p0.y;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double[] d0 = disc(p0, dx, dy, s0, r);
    if (d0 != null) {
      lo = d0[0];
      hi = d0[1];
    }
    double[] d1 = disc(p0, dx, dy, s1, r);
    if (d1 != null) {
      lo = Math.min(lo, d1[0]);
      hi = Math.max(hi, d1[1]);
    }
    double sx = s1.x - s0.x;
    double sy = s1.y - s0.y;
    double ss = sx * sx + sy * sy;
    if (ss > 0) {
      double sl = Math.sqrt(ss);
      double qx = p0.x - s0.x;
      double qy = p0.y - s0.y;
      // projection onto S, as a fraction of S: u(t) = (q.s + t d.s) / ss, must lie in [0, 1]
      double[] u = linear((qx * sx + qy * sy) / ss, (dx * sx + dy * sy) / ss, 0, 1);
      // signed distance from S's line: w(t) = (s x q + t s x d) / |s|, must lie in [-r, r]
      double[] w = u == null ? null
          : linear((sx * qy - sy * qx) / sl, (sx * dy - sy * dx) / sl, -r, r);
      if (u != null && w != null) {
        double a = Math.max(u[0], w[0]);
        double b = Math.min(u[1], w[1]);
        if (a <= b) {
          lo = Math.min(lo, a);
          hi = Math.max(hi, b);
        }
      }
    }
    lo = Math.max(lo, 0);
    hi = Math.min(hi, 1);
    return lo <= hi ? new double[] {lo, hi} : null;
  }

  /** t with |P0 + t d - c| <= r. */
  private static double[] disc(Coordinate p0, double dx, double dy, Coordinate c, double r) {
    double qx = p0.x - c.x;
    double qy = p0.y - c.y;
    double a = dx * dx + dy * dy;
    double b = 2 * (dx * qx + dy * qy);
    double cc = qx * qx + qy * qy - r * r;
    double disc = b * b - 4 * a * cc;
    if (disc < 0) {
      return null;
    }
    double root = Math.sqrt(disc);
    return new double[] {(-b - root) / (2 * a), (-b + root) / (2 * a)};
  }

  /** t with lo <= alpha + beta t <= hi, as an interval (unbounded ends as infinities). */
  private static double[] linear(double alpha, double beta, double lo, double hi) {
    if (beta == 0) {
      return alpha >= lo && alpha <= hi
          ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
    }
    double t1 = (lo - alpha) / beta;
    double t2 = (hi - alpha) / beta;
    return new double[] {Math.min(t1, t2), Math.max(t1, t2)};
  }
}
