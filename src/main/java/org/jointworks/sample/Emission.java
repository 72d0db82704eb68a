package org.jointworks.sample;

import java.util.EnumMap;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.locationtech.jts.geom.Geometry;

/**
 * One generation run's output side: numbers features per layer from 1 and hands them to the sink.
 * Not thread-safe; one per run.
 */
final class Emission {
  private final FeatureSink sink;
  private final Map<Layer, Long> counts = new EnumMap<>(Layer.class);

  Emission(FeatureSink sink) {
    this.sink = sink;
  }

  void emit(Layer layer, Geometry geometry, Map<String, Object> properties) {
    long id = counts.merge(layer, 1L, Long::sum);
    sink.accept(layer, new Feature(id, 0, geometry, properties));
  }

  /** Features emitted so far, per layer (every layer present, zero if none). */
  Map<Layer, Long> counts() {
    Map<Layer, Long> all = new EnumMap<>(Layer.class);
    for (Layer l : Layer.values()) {
      all.put(l, counts.getOrDefault(l, 0L));
    }
    return all;
  }

  /**
   * Spreads {@code numerator / denominator} pieces evenly over a sequence of items: each call
   * says how many pieces the next item becomes (0 drops it, 2 or more splits it). Over
   * {@code denominator} items the pieces add up to {@code numerator} exactly, with no drift,
   * because the running total is computed in whole numbers.
   */
  static final class Quota {
    private final long numerator;
    private final long denominator;
    private long seen;
    private long given;

    Quota(long numerator, long denominator) {
      if (numerator < 0 || denominator <= 0) {
        throw new IllegalArgumentException(numerator + "/" + denominator);
      }
      this.numerator = numerator;
      this.denominator = denominator;
    }

    int next() {
      seen++;
      long want = Math.multiplyExact(seen, numerator) / denominator;
      int pieces = (int) (want - given);
      given = want;
      return pieces;
    }
  }
}
