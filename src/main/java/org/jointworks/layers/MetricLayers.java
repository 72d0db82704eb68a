package org.jointworks.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jointworks.geo.Crs;
import org.jointworks.system.JointWorksProperties;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Hands out the current {@link MetricLayer} of a layer, kept up to date by
 * {@link LayerSnapshots}: after a write, only the written features are transformed again.
 *
 * <p>Thread-safe. A full rebuild of 100,000 communities takes about a second (see
 * docs/benchmarks.md); an update after one edit re-reads one feature and re-indexes in memory.
 */
@Component
public class MetricLayers {
  private final int metricEpsg;
  private final LayerSnapshots<MetricLayer> snapshots;

  MetricLayers(FeatureRepository repository, LayerRevisions revisions,
      JointWorksProperties properties) {
    this.metricEpsg = properties.metricCrs();
    this.snapshots = new LayerSnapshots<>(repository, revisions, new LayerSnapshots.Kind<>() {
      @Override
      public long revision(MetricLayer snapshot) {
        return snapshot.revision();
      }

      @Override
      public MetricLayer build(Layer layer, long revision, List<Feature> features) {
        return MetricLayers.build(layer, revision, metricEpsg, features);
      }

      @Override
      public MetricLayer update(Layer layer, MetricLayer old, long revision, Set<Long> written,
          List<Feature> current) {
        return updated(layer, old, revision, written, current);
      }
    });
  }

  public int metricEpsg() {
    return metricEpsg;
  }

  /** The layer as of now. */
  public MetricLayer current(Layer layer) {
    return snapshots.current(layer);
  }

  /**
   * {@code old} with the {@code written} features replaced by their {@code current} state:
   * their metric geometries are transformed again, the others' kept, and the index rebuilt in
   * memory.
   */
  private MetricLayer updated(Layer layer, MetricLayer old, long revision, Set<Long> written,
      List<Feature> current) {
    // Positions follow id order, as findAll gives them: keep the others, add the rewritten ones.
    TreeMap<Long, Object> all = new TreeMap<>();
    for (int i = 0; i < old.size(); i++) {
      if (!written.contains(old.features().get(i).id())) {
        all.put(old.features().get(i).id(), i);
      }
    }
    current.forEach(f -> all.put(f.id(), f));
    List<Feature> features = new ArrayList<>(all.size());
    List<Geometry> metric = new ArrayList<>(all.size());
    for (Object kept : all.values()) {
      if (kept instanceof Integer i) {
        features.add(old.features().get(i));
        metric.add(old.metric().get(i));
      } else {
        Feature f = (Feature) kept;
        features.add(f);
        metric.add(metric(f, metricEpsg));
      }
    }
    return MetricLayer.of(layer, revision, metricEpsg, features, metric);
  }

  /** Builds a layer from features already at hand (benchmarks and tests call this directly). */
  public static MetricLayer build(Layer layer, long revision, int metricEpsg, List<Feature> features) {
    List<Geometry> metric = new ArrayList<>(features.size());
    for (Feature f : features) {
      metric.add(metric(f, metricEpsg));
    }
    return MetricLayer.of(layer, revision, metricEpsg, features, metric);
  }

  private static Geometry metric(Feature f, int metricEpsg) {
    return f.geometry() == null ? null : Crs.transform(f.geometry(), Crs.LONLAT, metricEpsg);
  }
}
