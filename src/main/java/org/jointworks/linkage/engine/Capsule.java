package org.jointworks.linkage.engine;

/**
 * Where a segment p→q runs within distance r of a segment e0–e1: the parameter interval of the
 * segment inside the capsule around e (the rectangle of half-width r along e plus the discs of
 * radius r at its ends). The capsule is convex, so the answer is one interval, the hull of the
 * three pieces' intervals. Allocation-free: it runs for every pair of facing segments of every
 * pair of neighbours. Stateless and thread-safe.
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
    double a = dx * dx + dy * dy;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    // The two discs: |p + t d - c| <= r, a quadratic in t.
    for (int end = 0; end < 2; end++) {
      double wx = px - (end == 0 ? ex0 : ex1);
      double wy = py - (end == 0 ? ey0 : ey1);
      double b = 2 * (dx * wx + dy * wy);
      double c = wx * wx + wy * wy - r * r;
      double disc = b * b - 4 * a * c;
      if (disc >= 0 && a > 0) {
        double s = Math.sqrt(disc);
        lo = Math.min(lo, (-b - s) / (2 * a));
        hi = Math.max(hi, (-b + s) / (2 * a));
      }
    }
    double ex = ex1 - ex0;
    double ey = ey1 - ey0;
    double len = Math.sqrt(ex * ex + ey * ey);
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
      double tLo = Double.NEGATIVE_INFINITY;
      double tHi = Double.POSITIVE_INFINITY;
      boolean empty = false;
      if (du == 0) {
        empty = u0 < 0 || u0 > len;
      } else {
        double t1 = -u0 / du;
        double t2 = (len - u0) / du;
        tLo = Math.min(t1, t2);
        tHi = Math.max(t1, t2);
      }
      if (dv == 0) {
        empty |= v0 < -r || v0 > r;
      } else {
        double t1 = (-r - v0) / dv;
        double t2 = (r - v0) / dv;
        tLo = Math.max(tLo, Math.min(t1, t2));
        tHi = Math.min(tHi, Math.max(t1, t2));
      }
      if (!empty && tLo <= tHi) {
        lo = Math.min(lo, tLo);
        hi = Math.max(hi, tHi);
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
}
