package org.jointworks.linkage.engine;

/**
 * Where a segment p→q runs within distance r of a segment e0–e1: the parameter interval of the
 * segment inside the capsule around e (the rectangle of half-width r along e plus the discs of
 * radius r at its ends). The capsule is convex, so the answer is one interval, the hull of the
 * three pieces' intervals. Stateless and thread-safe.
 */
final class Capsule {
  private Capsule() {}

  /**
   * Writes the interval of {@code t} in [0, 1] into {@code out[0..1]}.
   *
   * @return false when the segment stays farther than r from e
   */
  static boolean interval(double px, double py, double qx, double qy, double ex0, double ey0,
      double ex1, double ey1, double r, double[] out) {
    double dx = qx - px;
    double dy = qy - py;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double[] piece = new double[2];
    if (disc(px, py, dx, dy, ex0, ey0, r, piece)) {
      lo = piece[0];
      hi = piece[1];
    }
    if (disc(px, py, dx, dy, ex1, ey1, r, piece)) {
      lo = Math.min(lo, piece[0]);
      hi = Math.max(hi, piece[1]);
    }
    double ex = ex1 - ex0;
    double ey = ey1 - ey0;
    double len = Math.hypot(ex, ey);
    if (len > 0) {
      double ux = ex / len;
      double uy = ey / len;
      double wx = px - ex0;
      double wy = py - ey0;
      // Along e: 0 <= u(t) <= len; across e: -r <= v(t) <= r; both linear in t.
      double u0 = wx * ux + wy * uy;
      double du = dx * ux + dy * uy;
      double v0 = -wx * uy + wy * ux;
      double dv = -dx * uy + dy * ux;
      double[] along = slab(u0, du, 0, len);
      double[] across = slab(v0, dv, -r, r);
      if (along != null && across != null) {
        double a = Math.max(along[0], across[0]);
        double b = Math.min(along[1], across[1]);
        if (a <= b) {
          lo = Math.min(lo, a);
          hi = Math.max(hi, b);
        }
      }
    }
    lo = Math.max(lo, 0);
    hi = Math.min(hi, 1);
    if (!(lo <= hi)) {
      return false;
    }
    out[0] = lo;
    out[1] = hi;
    return true;
  }

  /** The t with {@code |p + t d - c| <= r}, from the quadratic's roots. */
  private static boolean disc(double px, double py, double dx, double dy, double cx, double cy,
      double r, double[] out) {
    double wx = px - cx;
    double wy = py - cy;
    double a = dx * dx + dy * dy;
    double b = 2 * (dx * wx + dy * wy);
    double c = wx * wx + wy * wy - r * r;
    double disc = b * b - 4 * a * c;
    if (disc < 0 || a == 0) {
      return false;
    }
    double s = Math.sqrt(disc);
    out[0] = (-b - s) / (2 * a);
    out[1] = (-b + s) / (2 * a);
    return true;
  }

  /** The t with {@code min <= x0 + t dx <= max}; null when none, infinite bounds when all. */
  private static double[] slab(double x0, double dx, double min, double max) {
    if (dx == 0) {
      return x0 >= min && x0 <= max
          ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
    }
    double t1 = (min - x0) / dx;
    double t2 = (max - x0) / dx;
    return t1 <= t2 ? new double[] {t1, t2} : new double[] {t2, t1};
  }
}
