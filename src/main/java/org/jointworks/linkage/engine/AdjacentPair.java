package org.jointworks.linkage.engine;

/**
 * Two neighbouring communities. Immutable.
 *
 * @param a the smaller feature id
 * @param b the larger feature id
 * @param gapMeters the shortest distance between the two polygons (0 when they touch or overlap)
 * @param frontageMeters the shorter of: the length of a's boundary within the query gap of b,
 *     and the length of b's boundary within the query gap of a
 */
public record AdjacentPair(long a, long b, double gapMeters, double frontageMeters) {
  public AdjacentPair {
    if (a >= b) {
      throw new IllegalArgumentException("a pair is ordered a < b, got " + a + ", " + b);
    }
    if (!(gapMeters >= 0) || !(frontageMeters >= 0)) {
      throw new IllegalArgumentException("gap and frontage are non-negative lengths");
    }
  }

  /** The other member of the pair. */
  public long other(long id) {
    return id == a ? b : a;
  }
}
