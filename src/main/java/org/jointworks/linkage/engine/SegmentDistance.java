package org.jointworks.linkage.engine;

/**
 * JTS's {@code Distance.segmentToSegment} on plain doubles with {@code Math.hypot} (a slow,
 * correctly rounded library call on Java 17) replaced by a square root of the sum of squares:
 * the same branches and formulas, so the figure is within a few ulps of JTS's (issue 15: the
 * hypot calls were a fifth of the adjacency engine's time). It only ever rules a pair of segments
 * out, with {@link #SLACK} to spare; the figure kept is always JTS's (decision 92).
 *
 * <p>Stateless and thread-safe.
 */
final class SegmentDistance {
  /**
   * A rough distance above {@code best * SLACK} means the exact one is above {@code best}: the
   * two differ by at most a few parts in 10^16.
   */
  static final double SLACK = 1 + 1e-12;

  private SegmentDistance() {}

  /** The distance between segments a0-a1 and b0-b1, as JTS computes it but for the hypot. */
  static double rough(double ax0, double ay0, double ax1, double ay1, double bx0, double by0,
      double bx1, double by1) {
    if (ax0 == ax1 && ay0 == ay1) {
      return pointToSegment(ax0, ay0, bx0, by0, bx1, by1);
    }
    if (bx0 == bx1 && by0 == by1) {
      return pointToSegment(bx1, by1, ax0, ay0, ax1, ay1);
    }
    if (mayCross(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1)) {
      return 0;
    }
    return Math.min(Math.min(pointToSegment(ax0, ay0, bx0, by0, bx1, by1),
        pointToSegment(ax1, ay1, bx0, by0, bx1, by1)),
        Math.min(pointToSegment(bx0, by0, ax0, ay0, ax1, ay1),
        pointToSegment(bx1, by1, ax0, ay0, ax1, ay1)));
  }

  /**
   * JTS's {@code Distance.segmentToSegment} to the last bit, except that a term that cannot be
   * the least distance up to {@code bound} is left out: an end point's distance whose square
   * root of the sum of squares is above {@code bound * SLACK} would be above every figure within
   * {@code bound}, so its {@code Math.hypot} (a slow library call on Java 17, a third of the
   * engine's time) is not taken. Returns the same value as JTS whenever JTS's figure is within
   * {@code bound}; otherwise a figure above {@code bound} (decision 97).
   */
  static double exact(double ax, double ay, double bx, double by, double cx, double cy,
      double dx, double dy, double bound, double[] memo) {
    double skip = bound * SLACK;
    if (ax == bx && ay == by) {
      return pointToSegmentExact(ax, ay, cx, cy, dx, dy, skip, memo);
    }
    if (cx == dx && cy == dy) {
      return pointToSegmentExact(dx, dy, ax, ay, bx, by, skip, memo);
    }
    if (mayCross(ax, ay, bx, by, cx, cy, dx, dy)) {
      return 0.0;
    }
    double min = pointToSegmentExact(ax, ay, cx, cy, dx, dy, skip, memo);
    double v = pointToSegmentExact(bx, by, cx, cy, dx, dy, skip, memo);
    if (v < min) {
      min = v;
    }
    v = pointToSegmentExact(cx, cy, ax, ay, bx, by, skip, memo);
    if (v < min) {
      min = v;
    }
    v = pointToSegmentExact(dx, dy, ax, ay, bx, by, skip, memo);
    if (v < min) {
      min = v;
    }
    return min;
  }

  /** JTS's {@code Distance.pointToSegment}, an end point's distance left out above skip. */
  private static double pointToSegmentExact(double px, double py, double ax, double ay,
      double bx, double by, double skip, double[] memo) {
    if (ax == bx && ay == by) {
      return pointExact(px - ax, py - ay, skip, memo);
    }
    double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
    double r = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2;
    if (r <= 0.0) {
      return pointExact(px - ax, py - ay, skip, memo);
    }
    if (r >= 1.0) {
      return pointExact(px - bx, py - by, skip, memo);
    }
    double s = ((ay - py) * (bx - ax) - (ax - px) * (by - ay)) / len2;
    return Math.abs(s) * Math.sqrt(len2);
  }

  /**
   * {@code Math.hypot(dx, dy)} (JTS's {@code Coordinate.distance}), or infinity when the square
   * root of the sum of squares, finite and a few ulps from it, is above {@code skip}. The last
   * figure is kept in {@code memo} (|dx|, |dy|, hypot): where two areas are nearest at a vertex
   * of each, the four segment pairs at those vertices ask for the same end points' distance
   * eight times; {@code Math.hypot} depends only on the magnitudes.
   */
  private static double pointExact(double dx, double dy, double skip, double[] memo) {
    double q = Math.sqrt(dx * dx + dy * dy);
    if (q > skip && q != Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    double x = Math.abs(dx);
    double y = Math.abs(dy);
    if (x == memo[0] && y == memo[1]) {
      return memo[2];
    }
    double h = Math.hypot(x, y);
    memo[0] = x;
    memo[1] = y;
    memo[2] = h;
    return h;
  }

  /** JTS's intersection test: boxes meet and the crossing parameters both lie in [0, 1]. */
  private static boolean mayCross(double ax, double ay, double bx, double by, double cx,
      double cy, double dx, double dy) {
    if (Math.min(ax, bx) > Math.max(cx, dx) || Math.max(ax, bx) < Math.min(cx, dx)
        || Math.min(ay, by) > Math.max(cy, dy) || Math.max(ay, by) < Math.min(cy, dy)) {
      return false;
    }
    double denom = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    if (denom == 0) {
      return false;
    }
    double rNum = (ay - cy) * (dx - cx) - (ax - cx) * (dy - cy);
    double sNum = (ay - cy) * (bx - ax) - (ax - cx) * (by - ay);
    double s = sNum / denom;
    double r = rNum / denom;
    return !(r < 0 || r > 1 || s < 0 || s > 1);
  }

  private static double pointToSegment(double px, double py, double ax, double ay, double bx,
      double by) {
    if (ax == bx && ay == by) {
      return norm(px - ax, py - ay);
    }
    double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
    double r = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2;
    if (r <= 0.0) {
      return norm(px - ax, py - ay);
    }
    if (r >= 1.0) {
      return norm(px - bx, py - by);
    }
    double s = ((ay - py) * (bx - ax) - (ax - px) * (by - ay)) / len2;
    return Math.abs(s) * Math.sqrt(len2);
  }

  private static double norm(double dx, double dy) {
    return Math.sqrt(dx * dx + dy * dy);
  }
}
