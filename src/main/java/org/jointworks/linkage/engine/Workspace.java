package org.jointworks.linkage.engine;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The scratch arrays of the exact measures ({@link Facets#distance}, {@link Frontage}), kept by
 * the caller across the pairs it measures, so the hot loops allocate nothing: the all-pairs pass
 * measures about 200,000 pairs at 30 m over 100,000 communities, each with a few dozen segment
 * pairs (issue 15, decision 102). Holds no result between calls.
 *
 * <p>Not thread-safe: one per task (the engine makes one per run of areas it walks).
 */
final class Workspace {
  /** The most segment pairs whose rough distances are kept between the distance's passes. */
  static final int KEPT_ROUGHS = 4096;

  // Every array starts empty and grows to the largest area measured, so a workspace made for
  // one call (the public measures, a single area's neighbours) costs only what that call uses.
  private static final int[] NO_INTS = {};
  private static final double[] NO_DOUBLES = {};

  /** Quadruple offsets of one area's segments that face the other area. */
  private int[] mine = NO_INTS;
  /** Quadruple offsets of the other area's segments that face the first. */
  private int[] theirs = NO_INTS;
  /** The boxes of the segments in {@link #mine} and {@link #theirs}: min x, min y, max x, max y. */
  private double[] mineBoxes = NO_DOUBLES;
  private double[] theirBoxes = NO_DOUBLES;
  /** The rough distances of the facing segment pairs taken by the distance's first pass. */
  private double[] roughs = NO_DOUBLES;
  /** Per facing segment of the other area: its length and unit vector (len, ux, uy). */
  private double[] axes = NO_DOUBLES;
  /** The parameter intervals (lo, hi) of one segment within the other area's capsules. */
  double[] intervals = new double[16];
  /** One interval, written by {@link Capsule}. */
  final double[] one = new double[2];
  /** The last end-point distance of {@link SegmentDistance#exact}. */
  final double[] memo = {Double.NaN, Double.NaN, Double.NaN};

  /** The candidates of one area, as the grid reports them. */
  private int[] candidates = new int[16];
  private int candidateCount;
  /** Adds the positions the grid reports to the candidates (made once, not per query). */
  final IntConsumer collector = this::addCandidate;

  void clearCandidates() {
    candidateCount = 0;
  }

  private void addCandidate(int j) {
    if (candidateCount == candidates.length) {
      candidates = Arrays.copyOf(candidates, 2 * candidateCount);
    }
    candidates[candidateCount++] = j;
  }

  int[] candidates() {
    return candidates;
  }

  int candidateCount() {
    return candidateCount;
  }

  int[] mine(int segments) {
    if (mine.length < segments) {
      mine = new int[segments];
    }
    return mine;
  }

  int[] theirs(int segments) {
    if (theirs.length < segments) {
      theirs = new int[segments];
    }
    return theirs;
  }

  double[] mineBoxes(int segments) {
    if (mineBoxes.length < 4 * segments) {
      mineBoxes = new double[4 * segments];
    }
    return mineBoxes;
  }

  double[] theirBoxes(int segments) {
    if (theirBoxes.length < 4 * segments) {
      theirBoxes = new double[4 * segments];
    }
    return theirBoxes;
  }

  double[] roughs(int pairs) {
    if (roughs.length < pairs) {
      roughs = new double[pairs];
    }
    return roughs;
  }

  double[] axes(int segments) {
    if (axes.length < 3 * segments) {
      axes = new double[3 * segments];
    }
    return axes;
  }
}
