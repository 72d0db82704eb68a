package org.jointworks.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jointworks.geo.Crs;

/**
 * The plan of the whole sample city: how many communities and works each district gets, each
 * district's {@link DistrictPlan}, where the districts sit, and how the pipeline count is reached.
 *
 * <p>Communities are apportioned over the districts by the table's community counts, so the
 * default of 138 reproduces the table exactly. Each district is centred on its real seat unless
 * that would bring it within {@value #GAP_M} m of a district placed before it (in table order);
 * then it moves outward on a square spiral to the nearest free spot. At the plan's size nothing
 * moves; at 100,000 communities the urban districts are tens of kilometres wide and spread out.
 *
 * <p>Not thread-safe; built once, then read.
 */
final class CityPlan {
  /** Least distance between two district boundaries. */
  static final double GAP_M = 300;

  final CityOptions options;
  final List<DistrictPlan> districts;
  /** Works per district. */
  final long[] works;
  /** Conflict groups and next-year re-digs per district. */
  final long[] conflictGroups;
  final long[] redigs;
  final long naturalMains;
  final long serviceLines;

  private CityPlan(CityOptions options, List<DistrictPlan> districts, long[] works,
      long[] conflictGroups, long[] redigs) {
    this.options = options;
    this.districts = districts;
    this.works = works;
    this.conflictGroups = conflictGroups;
    this.redigs = redigs;
    this.naturalMains = districts.stream().mapToLong(DistrictPlan::naturalMains).sum();
    this.serviceLines = districts.stream().mapToLong(DistrictPlan::serviceLines).sum();
  }

  static CityPlan of(CityOptions options, List<DistrictTarget> targets) {
    long[] tableCounts = targets.stream().mapToLong(DistrictTarget::communities).toArray();
    long total = options.communities() == CityOptions.AUTO
        ? Arrays.stream(tableCounts).sum() : options.communities();
    long[] counts = Apportion.largestRemainder(total, tableCounts, 0);
    List<DistrictPlan> plans = new ArrayList<>();
    for (int d = 0; d < targets.size(); d++) {
      plans.add(DistrictPlan.of(d, targets.get(d), (int) counts[d], options.seed()));
    }
    place(plans);
    long k = options.works() == CityOptions.AUTO
        ? Math.round(total * CityOptions.WORKS_PER_COMMUNITY) : options.works();
    long[] works = Apportion.largestRemainder(k, counts, 0);
    // About one work in eleven belongs to a conflict group and one in forty to a re-dig pair:
    // enough for the conflict checks to find several, few enough that most works stand alone.
    long[] groups = Apportion.largestRemainder(Math.round(k * 0.09), works, 0);
    long[] redigs = Apportion.largestRemainder(Math.round(k * 0.025), works, 0);
    return new CityPlan(options, List.copyOf(plans), works, groups, redigs);
  }

  private static void place(List<DistrictPlan> plans) {
    List<double[]> placed = new ArrayList<>();
    for (DistrictPlan p : plans) {
      double[] e = p.localExtent();
      double[] seat = Crs.transform(Crs.LONLAT, Crs.GK_114E, p.target.seatLon(),
          p.target.seatLat());
      double baseX = seat[0] - (e[0] + e[2]) / 2;
      double baseY = seat[1] - (e[1] + e[3]) / 2;
      double step = Math.max(250, Math.max(e[2] - e[0], e[3] - e[1]) / 8);
      double[] at = spiral(e, baseX, baseY, step, placed);
      // Whole metres keep the origin, and so every coordinate, free of binary noise.
      double ox = Math.rint(at[0]);
      double oy = Math.rint(at[1]);
      p.placeAt(ox, oy);
      placed.add(new double[] {e[0] + ox, e[1] + oy, e[2] + ox, e[3] + oy});
    }
  }

  private static double[] spiral(double[] e, double baseX, double baseY, double step,
      List<double[]> placed) {
    for (int ring = 0; ring < 100_000; ring++) {
      List<int[]> cells = new ArrayList<>();
      for (int i = -ring; i <= ring; i++) {
        for (int j = -ring; j <= ring; j++) {
          if (Math.max(Math.abs(i), Math.abs(j)) == ring) {
            cells.add(new int[] {i, j});
          }
        }
      }
      cells.sort(Comparator.<int[]>comparingInt(c -> c[0] * c[0] + c[1] * c[1])
          .thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
      for (int[] c : cells) {
        double ox = baseX + c[0] * step;
        double oy = baseY + c[1] * step;
        if (free(e[0] + ox, e[1] + oy, e[2] + ox, e[3] + oy, placed)) {
          return new double[] {ox, oy};
        }
      }
    }
    throw new IllegalStateException("no room for a district");
  }

  private static boolean free(double x0, double y0, double x1, double y1, List<double[]> placed) {
    for (double[] o : placed) {
      if (x0 < o[2] + GAP_M && o[0] < x1 + GAP_M && y0 < o[3] + GAP_M && o[1] < y1 + GAP_M) {
        return false;
      }
    }
    return true;
  }

  /**
   * The thinning or splitting that gives the requested pipeline count: {mains, service lines}.
   * Service lines are kept whole while the count allows and mains absorb the rest (split into
   * pieces or thinned); below the number of service lines one quota thins both, so the total
   * is the count asked for exactly.
   */
  Emission.Quota[] pipelineQuotas() {
    long m = options.pipelines();
    if (m == CityOptions.AUTO) {
      return new Emission.Quota[] {new Emission.Quota(1, 1), new Emission.Quota(1, 1)};
    }
    if (m >= serviceLines && naturalMains > 0) {
      return new Emission.Quota[] {new Emission.Quota(m - serviceLines, naturalMains),
          new Emission.Quota(1, 1)};
    }
    long all = Math.max(1, naturalMains + serviceLines);
    Emission.Quota both = new Emission.Quota(Math.min(m, all), all);
    return new Emission.Quota[] {both, both};
  }

  long communities() {
    return districts.stream().mapToLong(DistrictPlan::communities).sum();
  }
}
