package org.jointworks.layers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jointworks.geo.Crs;
import org.jointworks.system.JointWorksProperties;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Hands out the current {@link MetricLayer} of a layer, brought up to date when the layer's
 * {@link LayerRevisions revision} moved since it was built: by re-reading only the features
 * written since (the revisions' change log names them), or the whole layer when the log cannot
 * tell. Never stale: the revision is read before the features, so a write that commits during
 * an update is applied again by the next call.
 *
 * <p>Thread-safe: rebuilds of one layer are serialised; readers of a built layer never wait.
 * A full rebuild of 100,000 communities takes about a second (see docs/benchmarks.md); an
 * update after one edit re-reads one feature and re-indexes in memory.
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
      MetricLayer old = snapshot;
      long at = revision;
      snapshot = updated(layer, old, at)
          .orElseGet(() -> build(layer, at, repository.findAll(layer)));
      synchronized (built) {
        built.put(layer, snapshot);
      }
      return snapshot;
    }
  }

  /**
   * The layer brought to {@code revision} by re-reading only the features the revisions' change
   * log says were written since {@code old}: their metric geometries are transformed again, the
   * others' kept, and the index rebuilt in memory. Empty when the log cannot tell or names more
   * than {@link LayerRevisions#MAX_REREAD} features (one read of the layer is then cheaper).
   */
  private Optional<MetricLayer> updated(Layer layer, MetricLayer old, long revision) {
    if (old == null) {
      return Optional.empty();
    }
    Optional<Set<Long>> ids = revisions.writtenBetween(layer, old.revision(), revision);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    Set<Long> written = ids.get();
    // Positions follow id order, as findAll gives them: keep the others, add the rewritten ones.
    TreeMap<Long, Integer> kept = new TreeMap<>();
    for (int i = 0; i < old.size(); i++) {
      if (!written.contains(old.features().get(i).id())) {
        kept.put(old.features().get(i).id(), i);
      }
    }
    Map<Long, Feature> fresh = new HashMap<>();
    repository.findByIds(layer, written).forEach(f -> fresh.put(f.id(), f));
    TreeMap<Long, Object> all = new TreeMap<>(kept);
    all.putAll(fresh);
    List<Feature> features = new ArrayList<>(all.size());
    List<Geometry> metric = new ArrayList<>(all.size());
    for (var e : all.entrySet()) {
      if (e.getValue() instanceof Integer i) {
        features.add(old.features().get(i));
        metric.add(old.metric().get(i));
      } else {
        Feature f = (Feature) e.getValue();
        features.add(f);
        metric.add(f.geometry() == null ? null
            : Crs.transform(f.geometry(), Crs.LONLAT, metricEpsg));
      }
    }
    return Optional.of(MetricLayer.of(layer, revision, metricEpsg, features, metric));
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
