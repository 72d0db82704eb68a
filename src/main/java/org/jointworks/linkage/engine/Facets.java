package org.jointworks.linkage.engine;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * An area's boundary segments as a flat array of x0, y0, x1, y1 quadruples, extracted once per
 * area, and the exact distance between two areas computed on them. The distance is the one
 * PostGIS's {@code ST_Distance} computes for polygons: 0 when the boundaries cross or one area
 * holds a point of the other, else the least segment-to-segment distance.
 *
 * <p>Why not {@code DistanceOp}: on the 5-30-vertex polygons of communities it spends most of
 * its time extracting components and allocating locations; this flat loop with envelope pruning
 * is about 5x faster and gives the same value (both use {@link Distance#segmentToSegment}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Facets {
  private final Geometry area;
  private final double[] segments;
  /** Each segment's length, {@code Math.hypot} of its sides, computed once, not per query. */
  private final double[] lengths;
  /**
   * A point of each part (its first vertex) as x, y pairs: read for every pair whose boundaries
   * stay apart, so kept beside the segments rather than as the geometry's coordinates.
   */
  private final double[] probes;
  private final Envelope envelope;
  /** The envelope's sides as plain doubles, read for every pair the engine measures. */
  final double minX;
  final double minY;
  final double maxX;
  final double maxY;

  public Facets(Geometry area) {
    this.area = area;
    this.segments = Frontage.segments(area);
    this.lengths = new double[segments.length / 4];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = Math.hypot(segments[4 * i + 2] - segments[4 * i],
          segments[4 * i + 3] - segments[4 * i + 1]);
    }
    this.envelope = area.getEnvelopeInternal();
    this.minX = envelope.getMinX();
    this.minY = envelope.getMinY();
    this.maxX = envelope.getMaxX();
    this.maxY = envelope.getMaxY();
    List<Coordinate> p = new ArrayList<>();
    for (int i = 0; i < area.getNumGeometries(); i++) {
      Geometry part = area.getGeometryN(i);
      if (part instanceof Polygon poly && !poly.isEmpty()) {
        p.add(poly.getExteriorRing().getCoordinateN(0));
      } else if (part instanceof LineString line && !line.isEmpty()) {
        p.add(line.getCoordinateN(0));
      } else if (part instanceof org.locationtech.jts.geom.Point point && !point.isEmpty()) {
        p.add(point.getCoordinate());
      }
    }
    this.probes = new double[2 * p.size()];
    for (int i = 0; i < p.size(); i++) {
      probes[2 * i] = p.get(i).x;
      probes[2 * i + 1] = p.get(i).y;
    }
  }

  public Geometry area() {
    return area;
  }

  double[] segments() {
    return segments;
  }

  /** The length of segment {@code k} (its quadruple starts at {@code 4 k}). */
  double length(int k) {
    return lengths[k];
  }

  public Envelope envelope() {
    return envelope;
  }

  /** The shortest distance between the two areas (0 when they meet or one holds the other). */
  public double distance(Facets other) {
    return distance(other, Double.POSITIVE_INFINITY);
  }

  /**
   * The shortest distance between the two areas when it is at most {@code limit}, else some
   * figure above {@code limit} (the engine needs the exact gap only of the pairs it keeps).
   *
   * <p>Two passes over the facing segments: the first finds the least rough distance
   * ({@link SegmentDistance}, a square root where JTS takes {@code Math.hypot}), the second
   * computes JTS's exact figure only for the segment pairs whose rough distance is within
   * {@link SegmentDistance#SLACK} of it, the only ones that can hold the exact minimum. So the
   * figure is JTS's to the last bit (decision 92), and {@code Math.hypot}, a third of the
   * engine's time when every improvement of a running minimum took it, runs about once a pair
   * (decision 97).
   */
  double distance(Facets other, double limit) {
    return distance(other, limit, new Workspace());
  }

  /**
   * As {@link #distance(Facets, double)}, with the caller's scratch arrays. Only the segments
   * whose boxes come within the reach of the other area's envelope take part: on a block facing
   * another across a street that is a quarter of each boundary, a sixteenth of the segment pairs
   * (decision 102). Every segment pair left out is one the box test below would skip at any bound
   * the passes use, so the passes see the same pairs in the same order and the figure is the same.
   */
  double distance(Facets other, double limit, Workspace w) {
    double[] s = segments;
    double[] o = other.segments;
    double cap = limit * SegmentDistance.SLACK;
    // The passes' bounds never exceed cap * SLACK (pass 2's is the rough minimum times SLACK).
    double reach = cap * SegmentDistance.SLACK;
    int[] mine = w.mine(s.length / 4);
    double[] mineBoxes = w.mineBoxes(s.length / 4);
    int nm = facing(s, other, reach, mine, mineBoxes);
    int[] theirs = w.theirs(o.length / 4);
    double[] theirBoxes = w.theirBoxes(o.length / 4);
    int nt = facing(o, this, reach, theirs, theirBoxes);
    // Pass 1: the least rough distance within the limit, pruned by the segments' boxes. Each
    // rough figure is kept for pass 2 (NaN: not taken), which would take the same again; not
    // for two large areas facing each other, whose table would be large for a small saving.
    boolean kept = (long) nm * nt <= Workspace.KEPT_ROUGHS;
    double[] roughs = w.roughs(kept ? nm * nt : 0);
    java.util.Arrays.fill(roughs, 0, kept ? nm * nt : 0, Double.NaN);
    double rough = Double.POSITIVE_INFINITY;
    for (int a = 0; a < nm && rough > 0; a++) {
      int i = mine[a];
      for (int b = 0; b < nt; b++) {
        if (boxApart(mineBoxes, a, theirBoxes, b, Math.min(rough, cap))) {
          continue;
        }
        int k = theirs[b];
        double d = SegmentDistance.rough(s[i], s[i + 1], s[i + 2], s[i + 3], o[k], o[k + 1],
            o[k + 2], o[k + 3]);
        if (kept) {
          roughs[a * nt + b] = d;
        }
        if (d < rough && d <= cap) {
          rough = d;
          if (d == 0) {
            break;
          }
        }
      }
    }
    double best = Double.POSITIVE_INFINITY;
    if (rough != Double.POSITIVE_INFINITY) {
      // Pass 2: the exact figure of every segment pair that may be the nearest.
      double bound = rough * SegmentDistance.SLACK;
      double[] memo = w.memo;
      memo[0] = Double.NaN;
      for (int a = 0; a < nm; a++) {
        int i = mine[a];
        for (int b = 0; b < nt; b++) {
          if (boxApart(mineBoxes, a, theirBoxes, b, bound)) {
            continue;
          }
          int k = theirs[b];
          double r = kept ? roughs[a * nt + b] : Double.NaN;
          if (r != r) {
            r = SegmentDistance.rough(s[i], s[i + 1], s[i + 2], s[i + 3], o[k], o[k + 1],
                o[k + 2], o[k + 3]);
          }
          if (r > bound) {
            continue;
          }
          double d = SegmentDistance.exact(s[i], s[i + 1], s[i + 2], s[i + 3], o[k], o[k + 1],
              o[k + 2], o[k + 3], bound, memo);
          if (d < best) {
            best = d;
            if (d == 0) {
              return 0;
            }
          }
        }
      }
    }
    // Boundaries apart: the areas still meet if one lies inside the other.
    if (holdsAnyOf(other) || other.holdsAnyOf(this)) {
      return 0;
    }
    return best;
  }

  /**
   * Writes into {@code out} the quadruple offsets, ascending, of the segments of {@code s} whose
   * boxes are within {@code reach} of {@code other}'s envelope, and their boxes (min x, min y,
   * max x, max y) into {@code boxes}; returns their number. A segment's box distance to the
   * envelope is, in floating point too, at most its box distance to any segment of {@code other}
   * (the envelope's sides are those segments' extreme coordinates and rounding is monotone), so a
   * segment left out here fails {@link #boxApart} against every segment of {@code other} at
   * every bound up to {@code reach}.
   */
  private static int facing(double[] s, Facets other, double reach, int[] out, double[] boxes) {
    double bound = reach * reach;
    int n = 0;
    for (int i = 0; i < s.length; i += 4) {
      double minX = Math.min(s[i], s[i + 2]);
      double minY = Math.min(s[i + 1], s[i + 3]);
      double maxX = Math.max(s[i], s[i + 2]);
      double maxY = Math.max(s[i + 1], s[i + 3]);
      double gx = Math.max(0, Math.max(other.minX - maxX, minX - other.maxX));
      double gy = Math.max(0, Math.max(other.minY - maxY, minY - other.maxY));
      if (!(gx * gx + gy * gy > bound)) {
        boxes[4 * n] = minX;
        boxes[4 * n + 1] = minY;
        boxes[4 * n + 2] = maxX;
        boxes[4 * n + 3] = maxY;
        out[n++] = i;
      }
    }
    return n;
  }

  /**
   * Whether box {@code a} of {@code s} and box {@code b} of {@code o} (as {@link #facing} wrote
   * them) are farther apart than {@code bound} (a lower bound of the segments' distance;
   * {@code bound} carries the slack, so rounding here never rules out a pair that may be the
   * nearest).
   */
  private static boolean boxApart(double[] s, int a, double[] o, int b, double bound) {
    double gx = Math.max(0, Math.max(o[4 * b] - s[4 * a + 2], s[4 * a] - o[4 * b + 2]));
    double gy = Math.max(0, Math.max(o[4 * b + 1] - s[4 * a + 3], s[4 * a + 1] - o[4 * b + 3]));
    return gx * gx + gy * gy > bound * bound;
  }

  private boolean holdsAnyOf(Facets other) {
    double[] p = other.probes;
    for (int i = 0; i < p.length; i += 2) {
      if (covers(p[i], p[i + 1]) && SimplePointInAreaLocator.locate(
          new Coordinate(p[i], p[i + 1]), area) != Location.EXTERIOR) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the envelope holds the point, as {@code Envelope.covers} answers (false for an empty
   * area, whose sides are 0 and -1, and for NaN), on the sides kept as doubles.
   */
  boolean covers(double x, double y) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY;
  }
}
