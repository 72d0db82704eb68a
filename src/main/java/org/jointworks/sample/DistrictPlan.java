package org.jointworks.sample;

/**
 * Everything structural about one district before any feature exists: its communities'
 * attributes, street grid, plots, the utilities each community is connected to, and where the
 * district sits in the city. Held as primitive arrays, a few dozen bytes per community, so a
 * city of a million communities can be planned in memory and then streamed out.
 *
 * <p>Not thread-safe; built once by {@link CityPlan}, then read.
 */
final class DistrictPlan {
  /** Stream numbers of {@link Rng}, one per concern, so they never disturb each other. */
  static final int STAGE_TABLE = 1;
  static final int STAGE_GRID = 2;
  static final int STAGE_FILL = 3;
  static final int STAGE_SERVICES = 4;
  static final int STAGE_NAMES = 5;
  static final int STAGE_FACILITIES = 6;
  static final int STAGE_PIPES = 7;
  static final int STAGE_WORKS = 8;

  /** Land between the outer streets' kerbs and the district boundary, in metres. */
  private static final double MARGIN_M = 60;

  final int index;
  final DistrictTarget target;
  final CommunityTable table;
  final StreetGrid grid;
  final BlockFill fill;
  /** Utilities connected to each community: its own wishes and what its street carries. */
  final int[] serviceMask;
  /** The metric (EPSG:4547) position of the district-local origin, set by {@link #placeAt}. */
  private double originX;
  private double originY;

  private DistrictPlan(int index, DistrictTarget target, CommunityTable table, StreetGrid grid,
      BlockFill fill, int[] serviceMask) {
    this.index = index;
    this.target = target;
    this.table = table;
    this.grid = grid;
    this.fill = fill;
    this.serviceMask = serviceMask;
  }

  static DistrictPlan of(int index, DistrictTarget target, int communities, long seed) {
    CommunityTable table = CommunityTable.of(target, communities,
        new Rng(seed, index, STAGE_TABLE));
    int[] groups = BlockFill.groupSizes(table.siteAreaM2, new Rng(seed, index, STAGE_FILL, 0));
    StreetGrid grid = StreetGrid.of(groups.length, new Rng(seed, index, STAGE_GRID));
    BlockFill fill = BlockFill.place(groups, table.siteAreaM2, grid,
        new Rng(seed, index, STAGE_FILL, 1));
    Rng rng = new Rng(seed, index, STAGE_SERVICES);
    int[] services = new int[communities];
    for (int i = 0; i < communities; i++) {
      int wish = Utility.EVERY;
      if (!rng.chance(0.85)) {
        wish &= ~Utility.GAS.bit();
      }
      if (!rng.chance(0.6)) {
        wish &= ~Utility.HEATING.bit();
      }
      services[i] = wish & grid.maskH[fill.faceRow[i]];
    }
    return new DistrictPlan(index, target, table, grid, fill, services);
  }

  int communities() {
    return table.size();
  }

  /** The district's boundary in local metres: {minX, minY, maxX, maxY}. */
  double[] localExtent() {
    int nx = grid.nx();
    int ny = grid.ny();
    return new double[] {-grid.widthV[0] / 2 - MARGIN_M, -grid.widthH[0] / 2 - MARGIN_M,
        grid.xs[nx] + grid.widthV[nx] / 2 + MARGIN_M, grid.ys[ny] + grid.widthH[ny] / 2 + MARGIN_M};
  }

  void placeAt(double x, double y) {
    originX = x;
    originY = y;
  }

  /** Projects this district's local metres to rounded lon/lat. */
  Projector projector() {
    return new Projector(originX, originY);
  }

  /** Main pipeline pieces before scaling: one per street segment and utility. */
  long naturalMains() {
    long n = 0;
    for (int m : grid.maskH) {
      n += (long) grid.nx() * Utility.count(m);
    }
    for (int m : grid.maskV) {
      n += (long) grid.ny() * Utility.count(m);
    }
    return n;
  }

  long serviceLines() {
    long n = 0;
    for (int m : serviceMask) {
      n += Utility.count(m);
    }
    return n;
  }
}
