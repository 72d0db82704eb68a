package org.jointworks.layers;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable in-memory copy of one layer at one revision: each feature with its geometry in the
 * city's metric CRS, and an STRtree over the metric envelopes. The analyses (adjacency, conflicts,
 * tiles) run on it without a round trip to the store.
 *
 * <p>Immutable and thread-safe once built: the tree is built eagerly and never changed.
 *
 * @param features the features in id order, geometries in lon/lat (EPSG:4490)
 * @param metric the same features' geometries in the metric CRS, index for index
 * @param index an STRtree of metric envelopes whose items are the {@code Integer} positions
 */
public record MetricLayer(Layer layer, long revision, int metricEpsg, List<Feature> features,
    List<Geometry> metric, STRtree index) {

  public MetricLayer {
    features = List.copyOf(features);
    // A feature without geometry (a reference district before its boundary arrives) keeps its
    // place as null, so positions stay aligned; List.copyOf would refuse the null.
    metric = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(metric));
    if (features.size() != metric.size()) {
      throw new IllegalArgumentException("features and metric geometries differ in number");
    }
  }

  /** Builds the layer's index from features and their metric geometries (null geometries skipped). */
  public static MetricLayer of(Layer layer, long revision, int metricEpsg, List<Feature> features,
      List<Geometry> metric) {
    STRtree tree = new STRtree();
    for (int i = 0; i < metric.size(); i++) {
      Geometry g = metric.get(i);
      if (g != null) {
        tree.insert(g.getEnvelopeInternal(), i);
      }
    }
    tree.build();
    return new MetricLayer(layer, revision, metricEpsg, features, metric, tree);
  }

  /** The same features, geometries and index at {@code revision} (decision 97). */
  public MetricLayer at(long revision) {
    return new MetricLayer(layer, revision, metricEpsg, features, metric, index);
  }

  public int size() {
    return features.size();
  }

  /** Positions of the features whose metric envelope meets {@code searchMetric}. */
  @SuppressWarnings("unchecked")
  public List<Integer> candidates(Envelope searchMetric) {
    return index.query(searchMetric);
  }
}
