package org.jointworks.sample;

import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;

/**
 * Receives the generated features one at a time, so a city of any size can be written or measured
 * without being held in memory. Features of different layers arrive interleaved (district by
 * district); within a layer they arrive in id order, ids counting from 1.
 */
@FunctionalInterface
public interface FeatureSink {
  void accept(Layer layer, Feature feature);
}
