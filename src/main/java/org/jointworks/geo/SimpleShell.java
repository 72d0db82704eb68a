package org.jointworks.geo;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Polygon;

/**
 * A sufficient test that a polygon is valid, for the common case of an import: one shell, no
 * holes, a few dozen vertices, no two edges meeting except consecutive ones at their shared
 * vertex (decision 107). JTS's {@code IsValidOp} builds a noder, a spatial index and monotone
 * chains for every polygon, however small: a quarter of what an import of 100,000 communities
 * allocated. This test compares every pair of edges instead, with the same robust orientation
 * predicate JTS uses ({@link CGAlgorithmsDD}), and allocates only a copy of the positions, none
 * for a packed ring.
 *
 * <p>It only ever answers "certainly valid" or "not known": any touch, collinear pair, repeated
 * vertex, hole or large ring is left to {@code IsValidOp}, so every refusal and its message still
 * come from JTS alone.
 */
final class SimpleShell {
  /** Past this many edges the pairwise test costs more than JTS's indexed one. */
  static final int MAX_EDGES = 64;

  private SimpleShell() {}

  /** True only when {@code p} is a valid polygon; false when this test cannot tell. */
  static boolean certainlyValid(Polygon p) {
    if (p.getNumInteriorRing() != 0) {
      return false;
    }
    CoordinateSequence s = p.getExteriorRing().getCoordinateSequence();
    int n = s.size() - 1; // edges; the last position closes the ring
    if (n < 3 || n > MAX_EDGES || s.getX(0) != s.getX(n) || s.getY(0) != s.getY(n)) {
      return false;
    }
    double[] xy;
    if (s instanceof PackedXY packed) {
      xy = packed.getRawCoordinates(); // read in place (decision 115)
    } else {
      xy = new double[2 * (n + 1)];
      for (int i = 0; i <= n; i++) {
        xy[2 * i] = s.getX(i);
        xy[2 * i + 1] = s.getY(i);
      }
    }
    for (int i = 0; i < n; i++) {
      // Consecutive edges turn (never fold back or run on): they share only their vertex.
      int j = (i + 1) % n;
      if (CGAlgorithmsDD.orientationIndex(x(xy, i), y(xy, i), x(xy, i + 1), y(xy, i + 1),
          x(xy, j + 1), y(xy, j + 1)) == 0) {
        return false;
      }
    }
    for (int i = 0; i < n; i++) {
      double minX = Math.min(x(xy, i), x(xy, i + 1));
      double maxX = Math.max(x(xy, i), x(xy, i + 1));
      double minY = Math.min(y(xy, i), y(xy, i + 1));
      double maxY = Math.max(y(xy, i), y(xy, i + 1));
      // Every edge after the next one, except the last when i is the first (they are consecutive).
      int last = i == 0 ? n - 2 : n - 1;
      for (int k = i + 2; k <= last; k++) {
        if (Math.max(x(xy, k), x(xy, k + 1)) < minX || Math.min(x(xy, k), x(xy, k + 1)) > maxX
            || Math.max(y(xy, k), y(xy, k + 1)) < minY
            || Math.min(y(xy, k), y(xy, k + 1)) > maxY) {
          continue;
        }
        if (!apart(xy, i, k)) {
          return false;
        }
      }
    }
    return true;
  }

  private static double x(double[] xy, int i) {
    return xy[2 * i];
  }

  private static double y(double[] xy, int i) {
    return xy[2 * i + 1];
  }

  /** Whether edges {@code i} and {@code k} certainly have no point in common. */
  private static boolean apart(double[] xy, int i, int k) {
    int a = CGAlgorithmsDD.orientationIndex(x(xy, i), y(xy, i), x(xy, i + 1), y(xy, i + 1),
        x(xy, k), y(xy, k));
    int b = CGAlgorithmsDD.orientationIndex(x(xy, i), y(xy, i), x(xy, i + 1), y(xy, i + 1),
        x(xy, k + 1), y(xy, k + 1));
    if (a != 0 && a == b) {
      return true; // edge k lies wholly on one side of edge i's line
    }
    int c = CGAlgorithmsDD.orientationIndex(x(xy, k), y(xy, k), x(xy, k + 1), y(xy, k + 1),
        x(xy, i), y(xy, i));
    int d = CGAlgorithmsDD.orientationIndex(x(xy, k), y(xy, k), x(xy, k + 1), y(xy, k + 1),
        x(xy, i + 1), y(xy, i + 1));
    return c != 0 && c == d;
  }
}
