package org.jointworks.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.layers.Layer;
import org.locationtech.jts.geom.Geometry;

/**
 * Plans a district's utility works along street stretches (one to three segments, stopping 12 to
 * 30 % of a block short of the crossings), each work on its utility's own line under the street.
 *
 * <p>Three patterns, in this order:
 * <ol>
 *   <li><b>Conflict groups</b>: two or three utilities on the same stretch, the first two within
 *   4.5 m of each other; two groups in three have overlapping windows, the third has the second
 *   work start 3 to 20 days after the first ends. These are the "dig twice" cases that
 *   coordinated construction (统筹施工) exists to prevent.</li>
 *   <li><b>Re-digs</b>: a stretch dug and completed in 2023 and dug again by another utility in
 *   2024, for moratorium checks.</li>
 *   <li><b>Single works</b> on stretches no other work of the district touches, kept clear of the
 *   crossings so that they come no closer than about 7 m to any other work.</li>
 * </ol>
 * 2023 windows lie within 2023-03-01..2023-10-31, the programme's construction season.
 * Not thread-safe; one per district.
 */
final class WorkPlanner {
  static final LocalDate SEASON_START = LocalDate.of(2023, 3, 1);
  /** Days from SEASON_START to 2023-10-31, the completion deadline. */
  static final int SEASON_DAYS = 244;
  private static final LocalDate NEXT_SEASON_START = LocalDate.of(2024, 3, 1);

  /** Counts shared by the districts, so statuses and group kinds cycle over the whole city. */
  static final class Counters {
    long singles;
    long groups;
  }

  private record Stretch(boolean horizontal, int line, int fromSeg, int toSeg, double from,
      double to, double centre, double widthM, int mask) {}

  private final DistrictPlan plan;
  private final Projector at;
  private final Emission out;
  private final Rng rng;
  private final Counters counters;
  private final Set<Long> usedSegments = new HashSet<>();

  WorkPlanner(DistrictPlan plan, Emission out, long seed, Counters counters) {
    this.plan = plan;
    this.at = plan.projector();
    this.out = out;
    this.rng = new Rng(seed, plan.index, DistrictPlan.STAGE_WORKS);
    this.counters = counters;
  }

  void plan(long works, long groups, long redigs) {
    long left = works;
    for (long g = 0; g < groups && left >= 2; g++) {
      boolean close = counters.groups++ % 3 == 2;
      int size = (int) Math.min(left, close || rng.chance(0.6) ? 2 : 3);
      conflictGroup(size, close);
      left -= size;
    }
    for (long r = 0; r < redigs && left >= 2; r++) {
      redig();
      left -= 2;
    }
    for (; left > 0; left--) {
      single();
    }
  }

  private void conflictGroup(int size, boolean close) {
    Stretch s = freeStretch();
    List<Utility> utilities = new ArrayList<>();
    Utility first = rng.pick(present(s.mask, null, 0));
    utilities.add(first);
    utilities.add(rng.pick(present(s.mask & ~first.bit(), first, s.widthM)));
    if (size == 3) {
      utilities.add(rng.pick(present(s.mask & ~first.bit() & ~utilities.get(1).bit(), null, 0)));
    }
    int start = rng.between(0, close ? 120 : SEASON_DAYS - 90);
    int days = rng.between(20, 60);
    for (int k = 0; k < size; k++) {
      if (k > 0) {
        start = close ? start + days + rng.between(3, 20)
            : Math.max(0, start + rng.between(-10, days - 5));
        days = Math.min(rng.between(15, 50), SEASON_DAYS - start);
      }
      // Each utility trims its own stretch a little, as real applications never quite agree.
      double a = s.from + rng.uniform(0, 15, 0.5);
      double b = s.to - rng.uniform(0, 15, 0.5);
      emit(utilities.get(k), s, line(utilities.get(k), s, a, b), kind(),
          SEASON_START.plusDays(start),
          days, rng.pick(List.of("approved", "approved", "submitted", "in_progress")));
    }
  }

  private void redig() {
    Stretch s = freeStretch();
    Utility first = rng.pick(present(s.mask, null, 0));
    Utility second = rng.pick(present(s.mask & ~first.bit(), null, 0));
    int start = rng.between(0, 100);
    emit(first, s, line(first, s, s.from, s.to), "replace", SEASON_START.plusDays(start),
        rng.between(20, 60), "completed");
    emit(second, s, line(second, s, s.from, s.to), rng.chance(0.5) ? "replace" : "new",
        NEXT_SEASON_START.plusDays(rng.between(0, 120)), rng.between(20, 60), "submitted");
  }

  private void single() {
    long j = counters.singles++;
    String status = j % 45 == 20 ? "cancelled" : j % 8 == 3 ? "completed"
        : List.of("approved", "submitted", "in_progress").get(rng.weighted(40, 30, 30));
    Stretch s = freeStretch();
    Utility u = rng.pick(present(s.mask, null, 0));
    int days = status.equals("completed") ? rng.between(10, 45) : rng.between(7, 60);
    int start = status.equals("completed") ? rng.between(0, 80) : rng.between(0, SEASON_DAYS - days);
    if (u != Utility.POWER && u != Utility.TELECOM && rng.chance(0.06)) {
      // A valve pit or manhole: a small polygon on the utility's line.
      double c = rng.uniform(s.from + 5, s.to - 5);
      double off = u.offsetM(s.widthM);
      Geometry pit = s.horizontal
          ? at.rectangle(c - 1.25, s.centre + off - 1.0, c + 1.25, s.centre + off + 1.0)
          : at.rectangle(s.centre + off - 1.0, c - 1.25, s.centre + off + 1.0, c + 1.25);
      emit(u, s, pit, "repair", SEASON_START.plusDays(start), Math.min(days, 20), status);
      return;
    }
    emit(u, s, line(u, s, s.from, s.to), kind(), SEASON_START.plusDays(start), days, status);
  }

  private String kind() {
    return List.of("replace", "repair", "new", "remove").get(rng.weighted(55, 20, 20, 5));
  }

  /** A stretch on segments no earlier work of the district used, if one is found in 40 tries. */
  private Stretch freeStretch() {
    Stretch s = null;
    for (int attempt = 0; attempt < 40; attempt++) {
      s = stretch();
      if (isFree(s)) {
        break;
      }
    }
    for (int seg = s.fromSeg; seg < s.toSeg; seg++) {
      usedSegments.add(key(s.horizontal, s.line, seg));
    }
    return s;
  }

  private boolean isFree(Stretch s) {
    for (int seg = s.fromSeg; seg < s.toSeg; seg++) {
      if (usedSegments.contains(key(s.horizontal, s.line, seg))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A segment's key. Small keys on purpose: Long.hashCode folds the high word onto the low one,
   * so a key with the line in the high word collided badly and treeified the set's buckets.
   */
  private static long key(boolean horizontal, int line, int seg) {
    return ((long) line * 1_000_003L + seg) * 2 + (horizontal ? 1 : 0);
  }

  private Stretch stretch() {
    StreetGrid g = plan.grid;
    boolean horizontal = rng.chance(0.5);
    double[] lines = horizontal ? g.ys : g.xs;
    double[] along = horizontal ? g.xs : g.ys;
    int line = rng.between(0, lines.length - 1);
    int segments = along.length - 1;
    int from = rng.between(0, segments - 1);
    int to = from + rng.between(1, Math.min(3, segments - from));
    double a = along[from] + rng.uniform(0.12, 0.3) * (along[from + 1] - along[from]);
    double b = along[to] - rng.uniform(0.12, 0.3) * (along[to] - along[to - 1]);
    return new Stretch(horizontal, line, from, to, a, b, lines[line],
        horizontal ? g.widthH[line] : g.widthV[line], horizontal ? g.maskH[line] : g.maskV[line]);
  }

  /**
   * The utilities in {@code mask}; with a {@code near} utility, only those whose line lies
   * within 4.5 m of its line under a street {@code widthM} wide, safely inside the 5 m a conflict
   * check might use (always some: water, drainage and power are under every street).
   */
  private static List<Utility> present(int mask, Utility near, double widthM) {
    List<Utility> out = new ArrayList<>();
    for (Utility u : Utility.ALL) {
      if (u.in(mask) && (near == null
          || Math.abs(u.offsetM(widthM) - near.offsetM(widthM)) <= 4.5)) {
        out.add(u);
      }
    }
    return out;
  }

  private Geometry line(Utility u, Stretch s, double a, double b) {
    double c = s.centre + u.offsetM(s.widthM);
    return s.horizontal ? at.line(a, c, b, c) : at.line(c, a, c, b);
  }

  private void emit(Utility u, Stretch s, Geometry g, String kind, LocalDate start, int days,
      String status) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("utility", u.code);
    p.put("owner", u.code);
    p.put("kind", kind);
    p.put("start_date", start);
    p.put("end_date", start.plusDays(days));
    p.put("trench_width_m", rng.uniform(u.trenchMinM, u.trenchMaxM, 0.1));
    p.put("status", status);
    p.put("street", WorkDetails.street(plan.target, s.horizontal, s.line));
    p.put("traffic_impact", WorkDetails.trafficImpact(kind, s.widthM));
    p.put("contact", WorkDetails.contact(u));
    out.emit(Layer.WORKS, g, p);
  }
}
