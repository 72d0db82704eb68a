package org.jointworks.coordination.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jointworks.geo.Crs;
import org.jointworks.geo.EnvelopeGrid;
import org.jointworks.layers.Feature;
import org.jointworks.layers.MetricLayer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Finds works that conflict: close in space (within bufferMeters in the metric CRS) and in time
 * ({@link ConflictKind#classify}). Built once per revision of the works layer over its
 * {@link MetricLayer}; the dates are unpacked into arrays of epoch days so the time rule, which
 * is cheaper than a distance, runs first in the inner loop.
 *
 * <p>Outline of {@link #all}: for each work, the {@link EnvelopeGrid} gives the works whose
 * envelopes meet its envelope grown by the buffer (single checks use the layer's STRtree); pairs are kept once (the lower id asks), works that will not
 * dig are skipped (cancelled, and drafts, refused and withdrawn works: {@link WorkRef#cancelled}),
 * the time rule filters, {@link LineReach#within} ({@link DistanceOp#isWithinDistance}'s answer)
 * decides exactly, and only then are
 * the measures computed ({@link #measure}). The outer loop runs in parallel.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConflictEngine {
  private final MetricLayer works;
  private final int moratoriumYears;
  private final WorkRef[] refs;
  private final long[] ids;
  private final long[] start;
  private final long[] end;
  private final long[] moratoriumEnd;
  private final boolean[] cancelled;
  /** The ids in ascending order and their positions in the layer, to find a work by id. */
  private final long[] sortedIds;
  private final int[] positionOfSorted;
  /** Whether ids ascend with positions, so per-work lists in position order are in id order. */
  private final boolean idsAscending;
  /** The digging works' envelopes for the all-pairs list (the STRtree serves single checks). */
  private final EnvelopeGrid grid;

  private ConflictEngine(MetricLayer works, int moratoriumYears) {
    this.works = works;
    this.moratoriumYears = moratoriumYears;
    int n = works.size();
    refs = new WorkRef[n];
    ids = new long[n];
    start = new long[n];
    end = new long[n];
    moratoriumEnd = new long[n];
    cancelled = new boolean[n];
    boolean ascending = true;
    for (int i = 0; i < n; i++) {
      Feature f = works.features().get(i);
      WorkRef r = refOf(f);
      refs[i] = r;
      ids[i] = f.id();
      start[i] = r.startDate().toEpochDay();
      end[i] = r.endDate().toEpochDay();
      moratoriumEnd[i] = r.endDate().plusYears(moratoriumYears).toEpochDay();
      cancelled[i] = r.cancelled() || works.metric().get(i) == null;
      ascending &= i == 0 || ids[i - 1] < ids[i];
    }
    idsAscending = ascending;
    grid = new EnvelopeGrid(works.metric(), cancelled);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
    sortedIds = new long[n];
    positionOfSorted = new int[n];
    for (int k = 0; k < n; k++) {
      sortedIds[k] = ids[order[k]];
      positionOfSorted[k] = order[k];
    }
  }

  /** An engine over {@code works} (a works layer snapshot). */
  public static ConflictEngine of(MetricLayer works, int moratoriumYears) {
    return new ConflictEngine(works, moratoriumYears);
  }

  public static WorkRef refOf(Feature f) {
    return new WorkRef(f.id() == 0 ? null : f.id(), f.text("utility"), f.text("owner"),
        f.text("kind"), f.text("status"), (LocalDate) f.get("start_date"),
        (LocalDate) f.get("end_date"));
  }

  public MetricLayer works() {
    return works;
  }

  public int moratoriumYears() {
    return moratoriumYears;
  }

  /**
   * Every conflicting pair once, sorted by a's id then b's id. Each work's own conflicts are
   * sorted by the other's id as they are found; when ids ascend with positions (a snapshot read
   * in id order) the works' lists, concatenated in position order, are then already the sorted
   * list, so no global sort of boxed ids runs over the million-item list (decision 92).
   */
  public List<WorkConflict> all(ConflictRules rules) {
    checkYears(rules);
    List<WorkConflict>[] perWork = perWork(rules);
    int total = 0;
    for (List<WorkConflict> l : perWork) {
      total += l.size();
    }
    WorkConflict[] out = new WorkConflict[total];
    int k = 0;
    for (List<WorkConflict> l : perWork) {
      for (WorkConflict c : l) {
        out[k++] = c;
      }
    }
    if (!idsAscending) {
      java.util.Arrays.parallelSort(out, BY_IDS);
    }
    return new ArrayList<>(java.util.Arrays.asList(out));
  }

  private static final Comparator<WorkConflict> BY_IDS = (x, y) -> {
    int c = Long.compare(x.a().id(), y.a().id());
    return c != 0 ? c : Long.compare(x.b().id(), y.b().id());
  };

  /**
   * Each work's conflicts with works of larger id, by position, found in parallel over chunks of
   * positions (a fork/join split over both cores; the result does not depend on the split).
   */
  @SuppressWarnings("unchecked")
  private List<WorkConflict>[] perWork(ConflictRules rules) {
    List<WorkConflict>[] perWork = new List[ids.length];
    IntStream.range(0, ids.length).parallel().forEach(i -> {
      List<WorkConflict> found = conflictsOf(i, rules);
      if (found.size() > 1) {
        found.sort(Comparator.comparingLong(c -> c.b().id()));
      }
      perWork[i] = found;
    });
    return perWork;
  }

  private List<WorkConflict> conflictsOf(int i, ConflictRules rules) {
    if (cancelled[i]) {
      return List.of();
    }
    Geometry gi = works.metric().get(i);
    Envelope search = new Envelope(gi.getEnvelopeInternal());
    search.expandBy(rules.bufferMeters());
    List<WorkConflict> found = null;
    for (int j : laterCandidates(search, ids[i])) {
      if (cancelled[j]) {
        continue;
      }
      ConflictKind kind = ConflictKind.classify(start[i], end[i], moratoriumEnd[i], start[j],
          end[j], moratoriumEnd[j], rules.gapDays());
      if (kind == null) {
        continue;
      }
      Geometry gj = works.metric().get(j);
      if (!LineReach.within(gi, gj, rules.bufferMeters())) {
        continue;
      }
      if (found == null) {
        found = new ArrayList<>(4);
      }
      found.add(measure(refs[i], gi, refs[j], gj, kind, rules.bufferMeters()));
    }
    return found == null ? List.of() : found;
  }

  /**
   * The positions of the digging works with a larger id than {@code id} whose envelopes meet
   * {@code search}: gathered as ints from the grid, no boxed list per work.
   */
  private int[] laterCandidates(Envelope search, long id) {
    int[][] found = {new int[16]};
    int[] n = {0};
    grid.query(search, j -> {
      if (ids[j] > id) {
        if (n[0] == found[0].length) {
          found[0] = java.util.Arrays.copyOf(found[0], n[0] * 2);
        }
        found[0][n[0]++] = j;
      }
    });
    return java.util.Arrays.copyOf(found[0], n[0]);
  }

  /**
   * The conflicts of one proposed work (not stored, or stored under {@code proposed.id()}, which
   * is then skipped) with every other stored work, sorted by the stored work's id. {@code metric}
   * is the proposal's geometry in this layer's metric CRS.
   */
  public List<WorkConflict> against(WorkRef proposed, Geometry metric, ConflictRules rules) {
    checkYears(rules);
    List<WorkConflict> out = new ArrayList<>();
    if (proposed.cancelled()) {
      return out;
    }
    long s = proposed.startDate().toEpochDay();
    long e = proposed.endDate().toEpochDay();
    long m = proposed.endDate().plusYears(moratoriumYears).toEpochDay();
    Envelope search = new Envelope(metric.getEnvelopeInternal());
    search.expandBy(rules.bufferMeters());
    for (int j : works.candidates(search)) {
      // A stored work asking about itself (a permit's submission) skips its own old state.
      if (cancelled[j] || (proposed.id() != null && ids[j] == proposed.id())) {
        continue;
      }
      ConflictKind kind = ConflictKind.classify(s, e, m, start[j], end[j], moratoriumEnd[j],
          rules.gapDays());
      Geometry gj = works.metric().get(j);
      if (kind != null && LineReach.within(metric, gj, rules.bufferMeters())) {
        out.add(measure(proposed, metric, refs[j], gj, kind, rules.bufferMeters()));
      }
    }
    out.sort(Comparator.comparing(c -> c.b().id()));
    return out;
  }

  /**
   * Where the two stored works of {@code c} would dig the same street, in the metric CRS
   * ({@link ConflictShape}); null when that is empty or a work is not in this snapshot.
   */
  public Geometry shape(WorkConflict c, double bufferMeters) {
    int i = position(c.a().id());
    int j = position(c.b().id());
    if (i < 0 || j < 0 || works.metric().get(i) == null || works.metric().get(j) == null) {
      return null;
    }
    return ConflictShape.of(works.metric().get(i), works.metric().get(j), bufferMeters);
  }

  private int position(Long id) {
    int k = id == null ? -1 : java.util.Arrays.binarySearch(sortedIds, id);
    return k < 0 ? -1 : positionOfSorted[k];
  }

  private void checkYears(ConflictRules rules) {
    if (rules.moratoriumYears() != moratoriumYears) {
      throw new IllegalArgumentException("this engine was built for a moratorium of "
          + moratoriumYears + " years");
    }
  }

  private WorkConflict measure(WorkRef a, Geometry ga, WorkRef b, Geometry gb, ConflictKind kind,
      double buffer) {
    DistanceOp d = new DistanceOp(ga, gb);
    Coordinate[] near = d.nearestPoints();
    double[] lonLat = Crs.transform(works.metricEpsg(), Crs.LONLAT,
        (near[0].x + near[1].x) / 2, (near[0].y + near[1].y) / 2);
    Double overlapMeters = null;
    Double overlapM2 = null;
    int dimA = ga.getDimension();
    int dimB = gb.getDimension();
    if (dimA == 1 && dimB == 1) {
      overlapMeters = round(Math.min(NearLength.lengthWithin(ga, gb, buffer),
          NearLength.lengthWithin(gb, ga, buffer)), 100);
    } else if (dimA == 2 && dimB == 2) {
      overlapM2 = round(OverlayNGRobust.overlay(ga, gb, OverlayNG.INTERSECTION).getArea(), 100);
    } else if (dimA == 1 || dimB == 1) {
      overlapMeters = round(dimA == 1 ? NearLength.lengthWithin(ga, gb, buffer)
          : NearLength.lengthWithin(gb, ga, buffer), 100);
    }
    LocalDate lateStart = a.startDate().isAfter(b.startDate()) ? a.startDate() : b.startDate();
    LocalDate earlyEnd = a.endDate().isBefore(b.endDate()) ? a.endDate() : b.endDate();
    long between = ChronoUnit.DAYS.between(earlyEnd, lateStart);
    long overlapDays = between <= 0 ? 1 - between : 0;
    long separationDays = between > 0 ? between : 0;
    LocalDate until = kind == ConflictKind.MORATORIUM
        ? (a.endDate().isBefore(b.startDate()) ? a.endDate() : b.endDate()).plusYears(moratoriumYears)
        : null;
    return new WorkConflict(a, b, kind.code(), round(d.distance(), 1000), overlapMeters,
        overlapM2, overlapDays, separationDays, until, round(lonLat[0], 1e7), round(lonLat[1], 1e7));
  }

  static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
