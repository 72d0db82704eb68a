package org.jointworks.geo;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Geometries' envelopes in a uniform grid of int arrays, for the engines' all-pairs lists: one
 * STRtree query per geometry was half of the conflict list's time (decision 93) and a seventh of
 * the adjacency list's (decision 97). A query reports each position whose envelope meets the
 * search envelope once (from the first cell the two share), in no particular order; the caller
 * decides every candidate exactly, so its answer does not depend on the grid. The cell is the
 * mean envelope extent, doubled until there are no more than about four cells per geometry;
 * geometries whose envelopes would span too many cells (a county-sized polygon among blocks)
 * are kept apart and tested on every query. Skipped, null and empty geometries are never
 * reported. One grid serves both engines ({@code linkage/engine/AdjacencyEngine},
 * {@code coordination/engine/ConflictEngine}).
 *
 * <p>Immutable and thread-safe after construction.
 */
public final class EnvelopeGrid {
  private static final int MAX_CELLS_PER_GEOMETRY = 64;

  private final double x0;
  private final double y0;
  private final double cell;
  private final int nx;
  private final int ny;
  private final int[] start;
  private final int[] members;
  private final int[] large;
  /** Each position's envelope as minX, minY, maxX, maxY; NaN for a position left out. */
  private final double[] box;

  /** Over every geometry of {@code geometries}. */
  public EnvelopeGrid(List<Geometry> geometries) {
    this(geometries, null);
  }

  /** Over the geometries where {@code skip} is false ({@code skip} null: every geometry). */
  public EnvelopeGrid(List<Geometry> geometries, boolean[] skip) {
    int n = geometries.size();
    box = new double[4 * n];
    Envelope all = new Envelope();
    double extent = 0;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      Geometry g = geometries.get(i);
      if (skip != null && skip[i] || g == null || g.isEmpty()) {
        Arrays.fill(box, 4 * i, 4 * i + 4, Double.NaN);
        continue;
      }
      Envelope e = g.getEnvelopeInternal();
      box[4 * i] = e.getMinX();
      box[4 * i + 1] = e.getMinY();
      box[4 * i + 2] = e.getMaxX();
      box[4 * i + 3] = e.getMaxY();
      all.expandToInclude(e);
      extent += Math.max(e.getWidth(), e.getHeight());
      kept++;
    }
    double c = Math.max(1, kept == 0 ? 1 : extent / kept);
    // No more cells than about four per geometry, however sparse the geometries are.
    while (kept > 0 && (all.getWidth() / c + 1) * (all.getHeight() / c + 1) > 4.0 * kept + 16) {
      c *= 2;
    }
    cell = c;
    x0 = all.isNull() ? 0 : all.getMinX();
    y0 = all.isNull() ? 0 : all.getMinY();
    nx = all.isNull() ? 1 : (int) (all.getWidth() / c) + 1;
    ny = all.isNull() ? 1 : (int) (all.getHeight() / c) + 1;
    int[] count = new int[nx * ny + 1];
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      if (absent(i)) {
        continue;
      }
      if (cells(i) > MAX_CELLS_PER_GEOMETRY) {
        largeCount++;
        continue;
      }
      for (int y = cy(box[4 * i + 1]); y <= cy(box[4 * i + 3]); y++) {
        for (int x = cx(box[4 * i]); x <= cx(box[4 * i + 2]); x++) {
          count[y * nx + x + 1]++;
        }
      }
    }
    for (int k = 1; k < count.length; k++) {
      count[k] += count[k - 1];
    }
    start = count;
    members = new int[count[count.length - 1]];
    large = new int[largeCount];
    int[] fill = Arrays.copyOf(count, count.length - 1);
    int l = 0;
    for (int i = 0; i < n; i++) {
      if (absent(i)) {
        continue;
      }
      if (cells(i) > MAX_CELLS_PER_GEOMETRY) {
        large[l++] = i;
        continue;
      }
      for (int y = cy(box[4 * i + 1]); y <= cy(box[4 * i + 3]); y++) {
        for (int x = cx(box[4 * i]); x <= cx(box[4 * i + 2]); x++) {
          members[fill[y * nx + x]++] = i;
        }
      }
    }
  }

  /** Visits each kept position whose envelope meets {@code e}, once. */
  public void query(Envelope e, IntConsumer visit) {
    query(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), -1, visit);
  }

  /**
   * Visits each kept position above {@code above} whose envelope meets position {@code i}'s grown
   * by {@code grow}, once; nothing when {@code i} is left out.
   */
  public void query(int i, double grow, int above, IntConsumer visit) {
    if (absent(i)) {
      return;
    }
    query(box[4 * i] - grow, box[4 * i + 1] - grow, box[4 * i + 2] + grow, box[4 * i + 3] + grow,
        above, visit);
  }

  private void query(double minX, double minY, double maxX, double maxY, int above,
      IntConsumer visit) {
    int qx0 = cx(minX);
    int qx1 = cx(maxX);
    int qy0 = cy(minY);
    int qy1 = cy(maxY);
    for (int y = qy0; y <= qy1; y++) {
      for (int x = qx0; x <= qx1; x++) {
        int c = y * nx + x;
        for (int k = start[c]; k < start[c + 1]; k++) {
          int j = members[k];
          // Once: only from the first cell the geometry's cells and the query's cells share.
          if (j > above && x == Math.max(qx0, cx(box[4 * j]))
              && y == Math.max(qy0, cy(box[4 * j + 1]))
              && meets(j, minX, minY, maxX, maxY)) {
            visit.accept(j);
          }
        }
      }
    }
    for (int j : large) {
      if (j > above && meets(j, minX, minY, maxX, maxY)) {
        visit.accept(j);
      }
    }
  }

  private boolean absent(int i) {
    return Double.isNaN(box[4 * i]);
  }

  private boolean meets(int j, double minX, double minY, double maxX, double maxY) {
    return box[4 * j] <= maxX && box[4 * j + 2] >= minX && box[4 * j + 1] <= maxY
        && box[4 * j + 3] >= minY;
  }

  private long cells(int i) {
    return (long) (cx(box[4 * i + 2]) - cx(box[4 * i]) + 1)
        * (cy(box[4 * i + 3]) - cy(box[4 * i + 1]) + 1);
  }

  private int cx(double x) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) / cell)));
  }

  private int cy(double y) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) / cell)));
  }
}
