package org.jointworks.layers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.system.JointWorksProperties;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Hands out the current {@link MetricLayer} of a layer, rebuilding it from the store when the
 * layer's {@link LayerRevisions revision} moved since it was built. Never stale: the revision is
 * read before the features, so a write that commits during a rebuild makes the next call rebuild
 * again.
 *
 * <p>Thread-safe: rebuilds of one layer are serialised; readers of a built layer never wait.
 * A rebuild of 100,000 communities takes about a second (see docs/benchmarks.md).
 */
@Component
public class MetricLayers {
  private final FeatureRepository repository;
  private final LayerRevisions revisions;
  private final int metricEpsg;
  private final Map<Layer, MetricLayer> built = new EnumMap<>(Layer.class);
  private final Map<Layer, Object> locks = new EnumMap<>(Layer.class);

  MetricLayers(FeatureRepository repository, LayerRevisions revisions,
      JointWorksProperties properties) {
    this.repository = repository;
    this.revisions = revisions;
    this.metricEpsg = properties.metricCrs();
    for (Layer layer : Layer.values()) {
      locks.put(layer, new Object());
    }
  }

  public int metricEpsg() {
    return metricEpsg;
  }

  /** The layer as of now. */
  public MetricLayer current(Layer layer) {
    long revision = revisions.revision(layer);
    MetricLayer snapshot;
    synchronized (built) {
      snapshot = built.get(layer);
    }
    if (snapshot != null && snapshot.revision() == revision) {
      return snapshot;
    }
    synchronized (locks.get(layer)) {
      synchronized (built) {
        snapshot = built.get(layer);
      }
      revision = revisions.revision(layer);
      if (snapshot != null && snapshot.revision() == revision) {
        return snapshot;
      }
      snapshot = build(layer, revision, repository.findAll(layer));
      synchronized (built) {
        built.put(layer, snapshot);
      }
      return snapshot;
    }
  }

  /** Builds a layer from features already at hand (benchmarks and tests call this directly). */
  public static MetricLayer build(Layer layer, long revision, int metricEpsg, List<Feature> features) {
    List<Geometry> metric = new ArrayList<>(features.size());
    for (Feature f : features) {
      metric.add(f.geometry() == null ? null
          : Crs.transform(f.geometry(), Crs.LONLAT, metricEpsg));
    }
    return MetricLayer.of(layer, revision, metricEpsg, features, metric);
  }

  private MetricLayer build(Layer layer, long revision, List<Feature> features) {
    return build(layer, revision, metricEpsg, features);
  }
}
