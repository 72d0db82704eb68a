package org.jointworks.linkage.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.jointworks.geo.EnvelopeGrid;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds neighbouring areas: pairs whose shortest distance is at most {@code gapMeters} (the same
 * set as PostGIS's {@code ST_DWithin} on the metric geometries), with their exact gap
 * ({@code ST_Distance}) and their {@link Frontage}.
 *
 * <p>The all-pairs pass is a filter-and-refine join: each area asks the {@link EnvelopeGrid}
 * for the areas above it (each pair once) whose envelopes meet its own grown by the gap, rejects
 * by envelope distance, then computes the exact distance on the areas' {@link Facets} (extracted
 * once, in parallel, when the engine is built) and, for the pairs kept, the frontage. Both
 * measures take only the segments that face the other area (decision 102). Areas are spread over
 * the cores in runs of {@value #AREAS_PER_TASK} by a parallel stream (the work per area is small
 * and even, so the fork/join split balances well); each run keeps one {@link Workspace}, so the
 * hot loops allocate nothing. Uncached, over 100,000 communities at 30 m, about half the time is
 * the exact distance and half the frontage; the candidates are a fifteenth.
 *
 * <p>Idea graveyard: {@code PreparedGeometry.isWithinDistance} first and {@code DistanceOp} only
 * for the pairs kept — the prepared index costs more to build than it saves on 5-30-vertex
 * community polygons, and the exact gap is needed for every kept pair anyway; {@code DistanceOp}
 * itself measured 16 µs a pair against 3 µs for {@link Facets#distance} (10,000 communities).
 *
 * <p>Thread-safe: the inputs are read only; the STRtree must be built before the call.
 */
public final class AdjacencyEngine {
  /**
   * Areas per task of the all-pairs pass: a few hundred tasks over 100,000 areas balance two to a
   * few dozen cores, and each task makes its scratch arrays and its list once (decision 102).
   */
  private static final int AREAS_PER_TASK = 512;

  private final List<Geometry> areas;
  private final Facets[] facets;
  private final long[] ids;
  private final STRtree index;
  /** The candidates of the all-pairs pass: cheaper per query than the tree (issue 15). */
  private final EnvelopeGrid grid;
  /** Whether ids ascend with positions, so pairs found in position order are in (a, b) order. */
  private final boolean idsAscending;

  /**
   * @param areas metric geometries (null entries are skipped)
   * @param ids each area's id, index for index
   * @param index a built STRtree whose items are the {@code Integer} positions in {@code areas}
   */
  public AdjacencyEngine(List<Geometry> areas, long[] ids, STRtree index) {
    if (areas.size() != ids.length) {
      throw new IllegalArgumentException("areas and ids differ in number");
    }
    this.areas = areas;
    this.ids = ids;
    this.index = index;
    boolean ascending = true;
    for (int i = 1; i < ids.length && ascending; i++) {
      ascending = ids[i - 1] < ids[i];
    }
    this.idsAscending = ascending;
    this.grid = new EnvelopeGrid(areas);
    this.facets = new Facets[areas.size()];
    IntStream.range(0, facets.length).parallel().forEach(i -> {
      Geometry g = areas.get(i);
      facets[i] = g == null ? null : new Facets(g);
    });
  }

  /**
   * Every pair within {@code gapMeters} where at least one member passes {@code keep}, ordered by
   * (a, b).
   */
  public List<AdjacentPair> pairs(double gapMeters, IntPredicate keep) {
    checkGap(gapMeters);
    int n = areas.size();
    // Each area's pairs come out sorted by the other's position; concatenated in position order
    // they are, with ascending ids, already in (a, b) order: no global sort. The areas are
    // spread over the cores in runs of AREAS_PER_TASK by the fork/join split of the range; each
    // run writes only its own slot, so the answer does not depend on the split (decision 92).
    int tasks = (n + AREAS_PER_TASK - 1) / AREAS_PER_TASK;
    @SuppressWarnings("unchecked")
    List<AdjacentPair>[] perTask = new List[tasks];
    IntStream.range(0, tasks).parallel().forEach(t -> {
      Workspace w = new Workspace();
      List<AdjacentPair> out = new ArrayList<>(4 * AREAS_PER_TASK);
      for (int i = t * AREAS_PER_TASK; i < Math.min(n, (t + 1) * AREAS_PER_TASK); i++) {
        pairsOf(i, gapMeters, keep, w, out);
      }
      perTask[t] = out;
    });
    int total = 0;
    for (List<AdjacentPair> l : perTask) {
      total += l.size();
    }
    AdjacentPair[] out = new AdjacentPair[total];
    int k = 0;
    for (List<AdjacentPair> l : perTask) {
      for (AdjacentPair p : l) {
        out[k++] = p;
      }
    }
    if (!idsAscending) {
      java.util.Arrays.parallelSort(out,
          Comparator.comparingLong(AdjacentPair::a).thenComparingLong(AdjacentPair::b));
    }
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
  }

  /** The engine over a layer snapshot (its positions are the snapshot's positions). */
  public static AdjacencyEngine of(org.jointworks.layers.MetricLayer layer) {
    long[] ids = new long[layer.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = layer.features().get(i).id();
    }
    return new AdjacencyEngine(layer.metric(), ids, layer.index());
  }

  /** Every pair within {@code gapMeters}, ordered by (a, b). */
  public List<AdjacentPair> pairs(double gapMeters) {
    return pairs(gapMeters, i -> true);
  }

  /**
   * The neighbours of the area at {@code position}, nearest first (then by id); each pair is
   * ordered a &lt; b as everywhere.
   */
  public List<AdjacentPair> neighbours(int position, double gapMeters) {
    checkGap(gapMeters);
    List<AdjacentPair> out = new ArrayList<>();
    Geometry a = areas.get(position);
    if (a == null) {
      return out;
    }
    Workspace w = new Workspace();
    for (int j : candidates(a, gapMeters)) {
      if (j != position) {
        AdjacentPair p = pair(position, j, gapMeters, w);
        if (p != null) {
          out.add(p);
        }
      }
    }
    long self = ids[position];
    out.sort(Comparator.comparingDouble(AdjacentPair::gapMeters)
        .thenComparingLong(p -> p.other(self)));
    return out;
  }

  /** Adds to {@code out} the pairs of area {@code i} with the areas above it, by position. */
  private void pairsOf(int i, double gapMeters, IntPredicate keep, Workspace w,
      List<AdjacentPair> out) {
    if (areas.get(i) == null) {
      return;
    }
    boolean keepI = keep.test(i);
    // The positions above i whose envelopes meet i's grown by the gap, as ints from the grid,
    // sorted in place: no boxed list, no comparator sort and no array per area.
    w.clearCandidates();
    grid.query(i, gapMeters, i, w.collector);
    int[] candidates = w.candidates();
    int count = w.candidateCount();
    java.util.Arrays.sort(candidates, 0, count);
    for (int c = 0; c < count; c++) {
      int j = candidates[c];
      // Each unordered pair once: from its smaller position.
      if (!keepI && !keep.test(j)) {
        continue;
      }
      AdjacentPair p = pair(i, j, gapMeters, w);
      if (p != null) {
        out.add(p);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<Integer> candidates(Geometry a, double gapMeters) {
    Envelope search = new Envelope(a.getEnvelopeInternal());
    search.expandBy(gapMeters);
    return index.query(search);
  }

  /** The pair of positions i and j if they are within the gap, else null. */
  AdjacentPair pair(int i, int j, double gapMeters, Workspace w) {
    Facets a = facets[i];
    Facets b = facets[j];
    if (b == null || apart(a, b, gapMeters)) {
      return null;
    }
    double gap = a.distance(b, gapMeters, w);
    if (gap > gapMeters) {
      return null;
    }
    double frontage = Frontage.between(a, b, gapMeters, gap == 0, w);
    long idA = ids[i];
    long idB = ids[j];
    return idA < idB ? new AdjacentPair(idA, idB, gap, frontage)
        : new AdjacentPair(idB, idA, gap, frontage);
  }

  /**
   * Whether two envelopes are farther apart than the gap: a pre-filter (the exact distance
   * decides), so squares with the slack instead of {@code Envelope.distance}'s hypot, on the
   * sides the facets keep ({@code getEnvelopeInternal} copies the envelope on every call).
   */
  private static boolean apart(Facets a, Facets b, double gapMeters) {
    double dx = Math.max(0, Math.max(a.minX - b.maxX, b.minX - a.maxX));
    double dy = Math.max(0, Math.max(a.minY - b.maxY, b.minY - a.maxY));
    double bound = gapMeters * SegmentDistance.SLACK;
    return dx * dx + dy * dy > bound * bound;
  }

  static void checkGap(double gapMeters) {
    if (!(gapMeters >= 0) || Double.isInfinite(gapMeters)) {
      throw new IllegalArgumentException("gapMeters must be a finite number >= 0");
    }
  }
}
