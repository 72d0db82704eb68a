package org.jointworks.sample;

/**
 * The attributes of one district's communities: households, buildings and floor area apportioned
 * from the district's totals by largest remainder, so they add up exactly; build years; and the
 * site area each community would need, which sizes its plot.
 *
 * <p>Buildings get random weights; households follow buildings and floor area follows households,
 * each with some noise, so households per building and m² per household stay near the district's
 * own averages (14 to 42 households per building in the plan's table). Arrays are indexed by the
 * community's number in the district. Not thread-safe; built once, then read.
 */
final class CommunityTable {
  final long[] households;
  final long[] buildings;
  final long[] floorAreaM2;
  final int[] buildYear;
  /** The plot a community would occupy at a plot ratio of 1.1 to 1.9, in m². */
  final double[] siteAreaM2;

  private CommunityTable(long[] households, long[] buildings, long[] floorAreaM2, int[] buildYear,
      double[] siteAreaM2) {
    this.households = households;
    this.buildings = buildings;
    this.floorAreaM2 = floorAreaM2;
    this.buildYear = buildYear;
    this.siteAreaM2 = siteAreaM2;
  }

  int size() {
    return households.length;
  }

  /**
   * The table for {@code n} communities of district {@code t}: the table's totals when {@code n}
   * is its community count, totals scaled by {@code n} over it otherwise.
   */
  static CommunityTable of(DistrictTarget t, int n, Rng rng) {
    long households = scaled(t.households(), n, t.communities());
    long buildings = scaled(t.buildings(), n, t.communities());
    long floor = scaled(t.floorAreaM2(), n, t.communities());
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = rng.uniform(0.5, 1.6);
    }
    long[] b = Apportion.largestRemainder(buildings, w, 1);
    for (int i = 0; i < n; i++) {
      w[i] = b[i] * rng.uniform(0.75, 1.25);
    }
    long[] h = Apportion.largestRemainder(households, w, 1);
    for (int i = 0; i < n; i++) {
      w[i] = h[i] * rng.uniform(0.85, 1.15);
    }
    long[] f = Apportion.largestRemainder(floor, w, 1);
    int[] year = new int[n];
    double[] site = new double[n];
    for (int i = 0; i < n; i++) {
      year[i] = rng.between(1980, 2000);
      site[i] = f[i] / rng.uniform(1.1, 1.9);
    }
    return new CommunityTable(h, b, f, year, site);
  }

  /** {@code total} scaled by n / of, and never below n so every community gets at least one. */
  private static long scaled(long total, int n, int of) {
    if (n == of) {
      return total;
    }
    return Math.max(n, Math.round((double) total * n / of));
  }
}
