package org.jointworks.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random stream for one concern of one district. Each (seed, district, stage) gets its
 * own stream so that, say, asking for more works does not move a single community: the streams
 * never share state. Not thread-safe; one per use.
 */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed, long... stream) {
    long h = mix(seed);
    for (long s : stream) {
      h = mix(h ^ mix(s + 0x632BE59BD9B4E019L));
    }
    this.random = new SplittableRandom(h);
  }

  /** The SplitMix64 finaliser: neighbouring inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform(double lo, double hi) {
    return lo + random.nextDouble() * (hi - lo);
  }

  /**
   * Uniform in [lo, hi], rounded to a multiple of {@code step} (1, 0.5, 0.1...). Divides by the
   * inverse rather than multiplying by the step, so 0.1 steps print as 1.3, not 1.3000000000000003.
   */
  double uniform(double lo, double hi, double step) {
    double inverse = Math.rint(1 / step);
    return Math.round(uniform(lo, hi) * inverse) / inverse;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** An index chosen with the given relative weights. */
  int weighted(int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
