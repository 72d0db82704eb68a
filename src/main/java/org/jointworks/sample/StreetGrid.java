package org.jointworks.sample;

/**
 * One district's street grid in district-local metres (x east, y north, the south-west street
 * crossing at 0,0): {@code nx} columns by {@code ny} rows of blocks, 130 to 290 m between centre
 * lines, every street a straight line across the district. Every fourth street is an arterial
 * road 26 to 40 m wide, the others 10 to 22 m.
 *
 * <p>Each street carries a set of utilities (bit {@code i} for {@code Utility.ALL.get(i)}):
 * water, drainage, power and telecom run under every street; gas under most, district heating
 * under about two thirds, as in a northern Chinese city only partly on the heat network.
 * Not thread-safe; built once, then read.
 */
final class StreetGrid {
  /** Centre lines of the north-south streets (x) and the east-west streets (y). */
  final double[] xs;
  final double[] ys;
  /** Street widths, one per north-south street and one per east-west street, in metres. */
  final double[] widthV;
  final double[] widthH;
  /** Utilities under each north-south and each east-west street, as bit masks. */
  final int[] maskV;
  final int[] maskH;

  private StreetGrid(double[] xs, double[] ys, double[] widthV, double[] widthH, int[] maskV,
      int[] maskH) {
    this.xs = xs;
    this.ys = ys;
    this.widthV = widthV;
    this.widthH = widthH;
    this.maskV = maskV;
    this.maskH = maskH;
  }

  int nx() {
    return xs.length - 1;
  }

  int ny() {
    return ys.length - 1;
  }

  /** A grid of at least {@code blocks} blocks, a few more so that some blocks stay unplanned. */
  static StreetGrid of(int blocks, Rng rng) {
    int wanted = Math.max(1, (int) Math.ceil(blocks * 1.12));
    int nx = (int) Math.ceil(Math.sqrt(wanted));
    int ny = (int) Math.ceil((double) wanted / nx);
    double[] widthV = widths(nx + 1, rng);
    double[] widthH = widths(ny + 1, rng);
    return new StreetGrid(lines(nx, rng), lines(ny, rng), widthV, widthH, masks(nx + 1, rng),
        masks(ny + 1, rng));
  }

  private static double[] lines(int n, Rng rng) {
    double[] at = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      at[i] = at[i - 1] + rng.uniform(130, 290, 1);
    }
    return at;
  }

  private static double[] widths(int n, Rng rng) {
    double[] w = new double[n];
    int phase = rng.between(0, 3);
    for (int i = 0; i < n; i++) {
      w[i] = (i + phase) % 4 == 0 ? rng.uniform(26, 40, 0.5) : rng.uniform(10, 22, 0.5);
    }
    return w;
  }

  private static int[] masks(int n, Rng rng) {
    int[] m = new int[n];
    for (int i = 0; i < n; i++) {
      int mask = Utility.WATER_SUPPLY.bit() | Utility.DRAINAGE.bit() | Utility.POWER.bit()
          | Utility.TELECOM.bit();
      if (rng.chance(0.9)) {
        mask |= Utility.GAS.bit();
      }
      if (rng.chance(0.65)) {
        mask |= Utility.HEATING.bit();
      }
      m[i] = mask;
    }
    return m;
  }

  /** The extent of the block in column c, row r between the kerbs: {x0, y0, x1, y1}. */
  double[] block(int c, int r) {
    return new double[] {xs[c] + widthV[c] / 2, ys[r] + widthH[r] / 2,
        xs[c + 1] - widthV[c + 1] / 2, ys[r + 1] - widthH[r + 1] / 2};
  }
}
