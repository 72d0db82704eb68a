package org.jointworks.linkage.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The areas' envelopes in a uniform grid of int arrays, for the all-pairs adjacency list: one
 * STRtree query per area was a seventh of the list's time (issue 15; the conflict list made the
 * same move in decision 93). A query reports each area whose envelope meets the search envelope
 * once (from the first cell the two share), in no particular order; the engine decides every
 * candidate exactly, so the answer does not depend on the grid. Areas whose envelopes would span
 * too many cells (a county-sized polygon among blocks) are kept apart and tested on every query.
 *
 * <p>Immutable and thread-safe after construction.
 */
final class AreaGrid {
  private static final int MAX_CELLS_PER_AREA = 64;

  private final double x0;
  private final double y0;
  private final double cell;
  private final int nx;
  private final int ny;
  private final int[] start;
  private final int[] members;
  private final int[] large;
  /** Each area's envelope as minX, minY, maxX, maxY; NaN for an area without geometry. */
  private final double[] box;

  AreaGrid(List<Geometry> areas) {
    int n = areas.size();
    box = new double[4 * n];
    Envelope all = new Envelope();
    double extent = 0;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      Geometry g = areas.get(i);
      if (g == null || g.isEmpty()) {
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
    // No more cells than about four per area, however sparse the areas are.
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
      if (cells(i) > MAX_CELLS_PER_AREA) {
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
      if (cells(i) > MAX_CELLS_PER_AREA) {
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

  /**
   * Visits each area above position {@code above} whose envelope meets area {@code i}'s grown by
   * {@code grow}, once.
   */
  void query(int i, double grow, int above, IntConsumer visit) {
    if (absent(i)) {
      return;
    }
    double minX = box[4 * i] - grow;
    double minY = box[4 * i + 1] - grow;
    double maxX = box[4 * i + 2] + grow;
    double maxY = box[4 * i + 3] + grow;
    int qx0 = cx(minX);
    int qx1 = cx(maxX);
    int qy0 = cy(minY);
    int qy1 = cy(maxY);
    for (int y = qy0; y <= qy1; y++) {
      for (int x = qx0; x <= qx1; x++) {
        int c = y * nx + x;
        for (int k = start[c]; k < start[c + 1]; k++) {
          int j = members[k];
          // Once: only from the first cell the area's cells and the query's cells share.
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
