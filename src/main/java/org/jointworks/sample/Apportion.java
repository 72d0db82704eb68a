package org.jointworks.sample;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Splits a whole-number total over parts in proportion to weights, each part at least a minimum,
 * by the largest-remainder (Hamilton) method: the parts add up to the total exactly, which is what
 * makes the sample city reproduce the plan's table to the unit. Ties go to the lower index, so the
 * result is deterministic. Stateless.
 */
final class Apportion {
  private Apportion() {}

  static long[] largestRemainder(long total, double[] weights, long min) {
    int n = weights.length;
    long rest = total - min * n;
    if (n == 0 ? total != 0 : rest < 0) {
      throw new IllegalArgumentException("cannot give " + n + " parts at least " + min
          + " each out of " + total);
    }
    long[] parts = new long[n];
    if (n == 0) {
      return parts;
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative: " + w);
      }
      sum += w;
    }
    double[] fraction = new double[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      double quota = sum > 0 ? rest * (weights[i] / sum) : (double) rest / n;
      parts[i] = (long) Math.floor(quota);
      fraction[i] = quota - parts[i];
      given += parts[i];
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -fraction[i])
        .thenComparingInt(i -> i));
    long left = rest - given;
    // Rounding in the quotas can overshoot by a unit when many are whole; take it back from the
    // smallest remainders so the sum stays exact.
    for (int k = n - 1; left < 0; k = (k + n - 1) % n) {
      if (parts[order[k]] > 0) {
        parts[order[k]]--;
        left++;
      }
    }
    for (int k = 0; left > 0; k = (k + 1) % n) {
      parts[order[k]]++;
      left--;
    }
    for (int i = 0; i < n; i++) {
      parts[i] += min;
    }
    return parts;
  }

  /** {@link #largestRemainder(long, double[], long)} with weights given as whole numbers. */
  static long[] largestRemainder(long total, long[] weights, long min) {
    return largestRemainder(total, Arrays.stream(weights).asDoubleStream().toArray(), min);
  }
}
