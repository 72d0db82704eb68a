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
  private final PreparedLayers prepared;

  MetricLayers(FeatureRepository repository, LayerRevisions revisions,
      JointWorksProperties properties) {
    this.metricEpsg = properties.metricCrs();
    this.prepared = new PreparedLayers(metricEpsg);
    revisions.listen(prepared);
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

      @Override
      public MetricLayer added(Layer layer, MetricLayer old, long revision, List<Feature> added) {
        return merged(layer, old, revision, added, metricEpsg);
      }

      @Override
      public MetricLayer handed(Layer layer, MetricLayer old, long revision, HandOver handed) {
        MetricLayer ready = old == null ? prepared.take(layer, handed) : null;
        if (ready != null) {
          return ready.at(revision);
        }
        return old == null
            ? MetricLayer.of(layer, revision, metricEpsg, handed.features(),
                transformed(handed.features(), metricEpsg))
            : merged(layer, old, revision, handed.features(), metricEpsg);
      }
    });
  }

  /**
   * Asks {@code preparer} to prepare its own structures from each layer prepared from an
   * import's hand-over before its commit (decision 97); see {@link PreparedLayers}.
   */
  public void whenPrepared(Layer layer, PreparedLayers.Preparer preparer) {
    prepared.add(layer, preparer);
  }

  @jakarta.annotation.PreDestroy
  void close() {
    prepared.close();
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

  /**
   * Builds a layer from features already at hand (benchmarks and tests call this directly); the
   * geometries are transformed on every core.
   */
  public static MetricLayer build(Layer layer, long revision, int metricEpsg, List<Feature> features) {
    return MetricLayer.of(layer, revision, metricEpsg, features, transformed(features, metricEpsg));
  }

  /** The features' metric geometries, transformed on every core. */
  static List<Geometry> transformed(List<Feature> features, int metricEpsg) {
    Geometry[] metric = new Geometry[features.size()];
    java.util.stream.IntStream.range(0, metric.length).parallel()
        .forEach(i -> metric[i] = metric(features.get(i), metricEpsg));
    return java.util.Arrays.asList(metric);
  }

  /**
   * {@code old} with {@code added} (new ids, in id order) merged in by id in one pass: the old
   * metric geometries are kept, only the added ones are transformed (in parallel).
   */
  static MetricLayer merged(Layer layer, MetricLayer old, long revision, List<Feature> added,
      int metricEpsg) {
    List<Geometry> addedMetric = transformed(added, metricEpsg);
    int n = old.size() + added.size();
    List<Feature> features = new ArrayList<>(n);
    List<Geometry> metric = new ArrayList<>(n);
    int i = 0;
    int j = 0;
    while (i < old.size() || j < added.size()) {
      boolean takeOld = j == added.size()
          || (i < old.size() && old.features().get(i).id() < added.get(j).id());
      if (takeOld) {
        features.add(old.features().get(i));
        metric.add(old.metric().get(i++));
      } else {
        features.add(added.get(j));
        metric.add(addedMetric.get(j++));
      }
    }
    return MetricLayer.of(layer, revision, metricEpsg, features, metric);
  }

  static Geometry metric(Feature f, int metricEpsg) {
    return f.geometry() == null ? null : Crs.transform(f.geometry(), Crs.LONLAT, metricEpsg);
  }
}
