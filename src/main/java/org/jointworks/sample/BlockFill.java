package org.jointworks.sample;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Which block each community of a district occupies, and where in it: the plot rectangles in
 * district-local metres and the street each community faces.
 *
 * <p>A block holds one community or two. A single community takes the block inset by a setback
 * of 0 to 8 m on each side (none on about 40 % of sides), or, when its site is small, a part of it
 * from one side; the rest is other land. Two communities split the block across its longer axis
 * and <em>share a wall</em>: both rectangles use the same split coordinate and the same outer
 * setbacks, so their common edge has identical end points, and stays identical after
 * projection and rounding. Across a street, plots are the street's width plus two setbacks apart,
 * 10 to 56 m. Blocks are chosen by selection sampling, so the unplanned blocks are spread over
 * the district.
 *
 * <p>Not thread-safe; built once, then read.
 */
final class BlockFill {
  /** Expected buildable area of a block (about 190 m square); pairs are formed below half of it. */
  private static final double TYPICAL_BLOCK_M2 = 190.0 * 190.0;

  final double[] x0;
  final double[] y0;
  final double[] x1;
  final double[] y1;
  /** The east-west street the community's gate faces (an index into {@code StreetGrid.ys}). */
  final int[] faceRow;

  private BlockFill(int n) {
    x0 = new double[n];
    y0 = new double[n];
    x1 = new double[n];
    y1 = new double[n];
    faceRow = new int[n];
  }

  /** Whether community i faces the street south of it (else north). */
  boolean facesSouth(int i, StreetGrid grid) {
    return grid.ys[faceRow[i]] < y0[i];
  }

  /**
   * Groups consecutive communities into blocks: 2 for two small sites sharing a block, 1 for a
   * community alone. The sizes add up to the number of communities.
   */
  static int[] groupSizes(double[] siteAreaM2, Rng rng) {
    int[] sizes = new int[siteAreaM2.length];
    int groups = 0;
    for (int i = 0; i < siteAreaM2.length; ) {
      boolean pair = i + 1 < siteAreaM2.length && siteAreaM2[i] < TYPICAL_BLOCK_M2 / 2
          && siteAreaM2[i + 1] < TYPICAL_BLOCK_M2 / 2 && rng.chance(0.75);
      sizes[groups++] = pair ? 2 : 1;
      i += pair ? 2 : 1;
    }
    return Arrays.copyOf(sizes, groups);
  }

  /**
   * Places the groups on blocks of {@code grid}, which must have at least as many blocks. The
   * blocks to use are chosen first; then the larger groups (by site area) get the larger blocks,
   * so that plot size follows floor area, loosely (partial plots and clamped splits blur it).
   */
  static BlockFill place(int[] groupSizes, double[] siteAreaM2, StreetGrid grid, Rng rng) {
    BlockFill fill = new BlockFill(siteAreaM2.length);
    int blocks = grid.nx() * grid.ny();
    int groups = groupSizes.length;
    if (blocks < groups) {
      throw new IllegalArgumentException(blocks + " blocks for " + groups + " groups");
    }
    int[] chosen = new int[groups];
    for (int b = 0, taken = 0; taken < groups; b++) {
      // Knuth's selection sampling: take this block with probability needed / remaining.
      if (rng.between(0, blocks - b - 1) < groups - taken) {
        chosen[taken++] = b;
      }
    }
    int[] first = new int[groups];
    double[] groupSite = new double[groups];
    for (int g = 0, i = 0; g < groups; i += groupSizes[g++]) {
      first[g] = i;
      for (int k = 0; k < groupSizes[g]; k++) {
        groupSite[g] += siteAreaM2[i + k];
      }
    }
    double[] blockArea = new double[groups];
    for (int k = 0; k < groups; k++) {
      double[] r = grid.block(chosen[k] % grid.nx(), chosen[k] / grid.nx());
      blockArea[k] = (r[2] - r[0]) * (r[3] - r[1]);
    }
    int[] blocksBySize = ranked(blockArea);
    int[] groupsBySize = ranked(groupSite);
    int[] groupOfBlock = new int[groups];
    for (int k = 0; k < groups; k++) {
      groupOfBlock[blocksBySize[k]] = groupsBySize[k];
    }
    for (int k = 0; k < groups; k++) {
      int b = chosen[k];
      int g = groupOfBlock[k];
      double[] inner = inset(grid.block(b % grid.nx(), b / grid.nx()), rng);
      int row = b / grid.nx();
      if (groupSizes[g] == 2) {
        fill.split(first[g], siteAreaM2, inner, row, rng);
      } else {
        fill.single(first[g], siteAreaM2[first[g]], inner, row, rng);
      }
    }
    return fill;
  }

  /** Indices of {@code values} from smallest to largest, ties by index. */
  private static int[] ranked(double[] values) {
    return IntStream.range(0, values.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> values[i])
            .thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  private static double[] inset(double[] kerb, Rng rng) {
    return new double[] {kerb[0] + setback(rng), kerb[1] + setback(rng), kerb[2] - setback(rng),
        kerb[3] - setback(rng)};
  }

  private static double setback(Rng rng) {
    return rng.chance(0.4) ? 0 : rng.uniform(0.5, 8, 0.5);
  }

  private void single(int i, double siteM2, double[] r, int row, Rng rng) {
    double w = r[2] - r[0];
    double h = r[3] - r[1];
    double f = Math.max(0.35, Math.min(1.0, siteM2 / (w * h)));
    set(i, r[0], r[1], r[2], r[3], rng.chance(0.5) ? row : row + 1);
    if (f > 0.8) {
      return;
    }
    // A small community takes the block from one side; its gate stays on an outer street.
    if (w >= h) {
      if (rng.chance(0.5)) {
        x1[i] = r[0] + f * w;
      } else {
        x0[i] = r[2] - f * w;
      }
    } else if (rng.chance(0.5)) {
      y1[i] = r[1] + f * h;
      faceRow[i] = row;
    } else {
      y0[i] = r[3] - f * h;
      faceRow[i] = row + 1;
    }
  }

  private void split(int i, double[] siteAreaM2, double[] r, int row, Rng rng) {
    double share = siteAreaM2[i] / (siteAreaM2[i] + siteAreaM2[i + 1]);
    share = Math.max(0.3, Math.min(0.7, share));
    if (r[2] - r[0] >= r[3] - r[1]) {
      double at = r[0] + share * (r[2] - r[0]);
      set(i, r[0], r[1], at, r[3], rng.chance(0.5) ? row : row + 1);
      set(i + 1, at, r[1], r[2], r[3], rng.chance(0.5) ? row : row + 1);
    } else {
      double at = r[1] + share * (r[3] - r[1]);
      set(i, r[0], r[1], r[2], at, row);
      set(i + 1, r[0], at, r[2], r[3], row + 1);
    }
  }

  private void set(int i, double ax0, double ay0, double ax1, double ay1, int face) {
    x0[i] = ax0;
    y0[i] = ay0;
    x1[i] = ax1;
    y1[i] = ay1;
    faceRow[i] = face;
  }
}
