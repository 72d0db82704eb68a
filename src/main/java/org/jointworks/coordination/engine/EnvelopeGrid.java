package org.jointworks.coordination.engine;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The works' envelopes in a uniform grid of int arrays, for the all-pairs conflict list: one
 * query per work through the STRtree was half of the list's time (decision 93). A query reports
 * each work whose envelope meets the search envelope once (from the first cell the two share),
 * in no particular order; the caller decides every candidate exactly, so the list does not
 * depend on the grid. Works whose envelopes would span too many cells are kept apart and tested
 * on every query. Immutable and thread-safe after construction.
 */
final class EnvelopeGrid {
  private static final int MAX_CELLS_PER_WORK = 64;

  private final double x0;
  private final double y0;
  private final double cell;
  private final int nx;
  private final int ny;
  private final int[] start;
  private final int[] members;
  private final int[] large;
  private final double[] minX;
  private final double[] minY;
  private final double[] maxX;
  private final double[] maxY;

  /** Over the geometries at the positions where {@code skip} is false. */
  EnvelopeGrid(List<Geometry> metric, boolean[] skip) {
    int n = metric.size();
    minX = new double[n];
    minY = new double[n];
    maxX = new double[n];
    maxY = new double[n];
    Envelope all = new Envelope();
    double extent = 0;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (skip[i]) {
        continue;
      }
      Envelope e = metric.get(i).getEnvelopeInternal();
      minX[i] = e.getMinX();
      minY[i] = e.getMinY();
      maxX[i] = e.getMaxX();
      maxY[i] = e.getMaxY();
      all.expandToInclude(e);
      extent += Math.max(e.getWidth(), e.getHeight());
      kept++;
    }
    double c = Math.max(1, kept == 0 ? 1 : extent / kept);
    // No more cells than about four per work, however sparse the works are.
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
      if (skip[i]) {
        continue;
      }
      if (cells(i) > MAX_CELLS_PER_WORK) {
        largeCount++;
        continue;
      }
      for (int y = cy(minY[i]); y <= cy(maxY[i]); y++) {
        for (int x = cx(minX[i]); x <= cx(maxX[i]); x++) {
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
      if (skip[i]) {
        continue;
      }
      if (cells(i) > MAX_CELLS_PER_WORK) {
        large[l++] = i;
        continue;
      }
      for (int y = cy(minY[i]); y <= cy(maxY[i]); y++) {
        for (int x = cx(minX[i]); x <= cx(maxX[i]); x++) {
          members[fill[y * nx + x]++] = i;
        }
      }
    }
  }

  /** Visits each kept position whose envelope meets {@code e}, once. */
  void query(Envelope e, java.util.function.IntConsumer visit) {
    int qx0 = cx(e.getMinX());
    int qx1 = cx(e.getMaxX());
    int qy0 = cy(e.getMinY());
    int qy1 = cy(e.getMaxY());
    for (int y = qy0; y <= qy1; y++) {
      for (int x = qx0; x <= qx1; x++) {
        int c = y * nx + x;
        for (int k = start[c]; k < start[c + 1]; k++) {
          int j = members[k];
          // Once: only from the first cell the work's cells and the query's cells share.
          if (x == Math.max(qx0, cx(minX[j])) && y == Math.max(qy0, cy(minY[j])) && meets(j, e)) {
            visit.accept(j);
          }
        }
      }
    }
    for (int j : large) {
      if (meets(j, e)) {
        visit.accept(j);
      }
    }
  }

  private boolean meets(int j, Envelope e) {
    return minX[j] <= e.getMaxX() && maxX[j] >= e.getMinX() && minY[j] <= e.getMaxY()
        && maxY[j] >= e.getMinY();
  }

  private long cells(int i) {
    return (long) (cx(maxX[i]) - cx(minX[i]) + 1) * (cy(maxY[i]) - cy(minY[i]) + 1);
  }

  private int cx(double x) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) / cell)));
  }

  private int cy(double y) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) / cell)));
  }
}
