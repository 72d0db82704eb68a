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
   * Writes e's length and unit vector (len, ux, uy) at {@code axes[at..at+2]}: the axes along
   * and across which the capsule's rectangle is measured. The frontage takes them once per
   * segment of the other area rather than once per capsule (decision 102).
   */
  static void axis(double ex0, double ey0, double ex1, double ey1, double[] axes, int at) {
    double ex = ex1 - ex0;
    double ey = ey1 - ey0;
    double len = Math.sqrt(ex * ex + ey * ey);
    axes[at] = len;
    axes[at + 1] = len > 0 ? ex / len : 0;
    axes[at + 2] = len > 0 ? ey / len : 0;
  }

  /**
   * Writes the interval of {@code t} in [0, 1] into {@code out[0..1]}, with e's axis as
   * {@link #axis} wrote it at {@code axes[at]}; {@code out} holds no interval when false.
   *
   * <p>The hull of the three pieces is gathered in {@code out} by a method per piece, each small
   * enough for the JIT to inline into the frontage's loop: as one method of 500 bytes of bytecode
   * it was called, not inlined, about 16 times a pair (decision 102). Same arithmetic, same
   * figures.
   *
   * @return false when the segment stays farther than r from e
   */
  static boolean interval(double px, double py, double qx, double qy, double ex0, double ey0,
      double ex1, double ey1, double[] axes, int at, double r, double[] out) {
    double dx = qx - px;
    double dy = qy - py;
    double a = dx * dx + dy * dy;
    out[0] = Double.POSITIVE_INFINITY;
    out[1] = Double.NEGATIVE_INFINITY;
    disc(px - ex0, py - ey0, dx, dy, a, r, out);
    disc(px - ex1, py - ey1, dx, dy, a, r, out);
    double len = axes[at];
    if (len > 0) {
      band(px - ex0, py - ey0, dx, dy, len, axes[at + 1], axes[at + 2], r, out);
    }
    double lo = Math.max(out[0], 0);
    double hi = Math.min(out[1], 1);
    if (!(lo <= hi)) {
      return false;
    }
    out[0] = lo;
    out[1] = hi;
    return true;
  }

  /**
   * Widens {@code out[0..1]} by the t where the disc of radius r around an end c of e holds
   * p + t d: |w + t d| <= r with w = p - c, a quadratic in t.
   */
  private static void disc(double wx, double wy, double dx, double dy, double a, double r,
      double[] out) {
    double b = 2 * (dx * wx + dy * wy);
    double c = wx * wx + wy * wy - r * r;
    double disc = b * b - 4 * a * c;
    if (disc >= 0 && a > 0) {
      double s = Math.sqrt(disc);
      out[0] = Math.min(out[0], (-b - s) / (2 * a));
      out[1] = Math.max(out[1], (-b + s) / (2 * a));
    }
  }

  /**
   * Widens {@code out[0..1]} by the t where the rectangle of half-width r along e holds
   * p + t d, with w = p - e0 and e's length and unit vector: along e 0 <= u(t) <= len, across e
   * -r <= v(t) <= r, both linear in t.
   */
  private static void band(double wx, double wy, double dx, double dy, double len, double ux,
      double uy, double r, double[] out) {
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
      out[0] = Math.min(out[0], tLo);
      out[1] = Math.max(out[1], tHi);
    }
  }

  /**
   * Where p→q runs <em>along</em> e: the parameters whose projection falls on e, when over that
   * whole stretch p→q stays within {@code tol} of e's line (the distance across e is linear in t,
   * so checking both ends suffices). This is how walls meant to be shared, but a rounding apart,
   * are told from walls that cross: crossing walls diverge beyond {@code tol} over their common
   * stretch (unless they are within {@code tol} all along it, when they are shared walls).
   *
   * @return false when the segments do not run together
   */
  static boolean along(double px, double py, double qx, double qy, double ex0, double ey0,
      double ex1, double ey1, double tol, double[] out) {
    double ex = ex1 - ex0;
    double ey = ey1 - ey0;
    double len = Math.sqrt(ex * ex + ey * ey);
    if (len == 0) {
      return false;
    }
    double ux = ex / len;
    double uy = ey / len;
    double wx = px - ex0;
    double wy = py - ey0;
    double dx = qx - px;
    double dy = qy - py;
    double u0 = wx * ux + wy * uy;
    double du = dx * ux + dy * uy;
    double lo = 0;
    double hi = 1;
    if (du == 0) {
      if (u0 < 0 || u0 > len) {
        return false;
      }
    } else {
      double t1 = -u0 / du;
      double t2 = (len - u0) / du;
      lo = Math.max(lo, Math.min(t1, t2));
      hi = Math.min(hi, Math.max(t1, t2));
    }
    if (!(lo <= hi)) {
      return false;
    }
    double v0 = -wx * uy + wy * ux;
    double dv = -dx * uy + dy * ux;
    if (Math.abs(v0 + lo * dv) > tol || Math.abs(v0 + hi * dv) > tol) {
      return false;
    }
    out[0] = lo;
    out[1] = hi;
    return true;
  }

  /**
   * The parameter t at which p→q meets e, when they cross or touch at one point; NaN when they
   * do not meet or are parallel (parallel walls that meet run {@link #along} each other).
   */
  static double crossing(double px, double py, double qx, double qy, double ex0, double ey0,
      double ex1, double ey1) {
    double dx = qx - px;
    double dy = qy - py;
    double ex = ex1 - ex0;
    double ey = ey1 - ey0;
    double denom = dx * ey - dy * ex;
    if (denom == 0) {
      return Double.NaN;
    }
    double wx = ex0 - px;
    double wy = ey0 - py;
    double t = (wx * ey - wy * ex) / denom;
    double u = (wx * dy - wy * dx) / denom;
    // A hair of slack so a crossing exactly at a vertex is not lost to rounding.
    double slack = 1e-9;
    if (t < -slack || t > 1 + slack || u < -slack || u > 1 + slack) {
      return Double.NaN;
    }
    return Math.min(1, Math.max(0, t));
  }
}
