package org.jointworks.tiles;

import java.util.EnumMap;
import java.util.Map;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.tiles.mvt.MercatorLayer;
import org.springframework.stereotype.Component;

/**
 * The current EPSG:3857 snapshot of each layer, rebuilt when the layer's revision moved. Never
 * stale: the revision is read before the features, so a write committing during a rebuild makes
 * the next call rebuild again. Thread-safe: rebuilds of one layer are serialised, readers of a
 * built snapshot never wait.
 */
@Component
class MercatorSnapshots {
  private final FeatureRepository repository;
  private final LayerRevisions revisions;
  private final Map<Layer, MercatorLayer> built = new EnumMap<>(Layer.class);
  private final Map<Layer, Object> locks = new EnumMap<>(Layer.class);

  MercatorSnapshots(FeatureRepository repository, LayerRevisions revisions) {
    this.repository = repository;
    this.revisions = revisions;
    for (Layer layer : Layer.values()) {
      locks.put(layer, new Object());
    }
  }

  long revision(Layer layer) {
    return revisions.revision(layer);
  }

  MercatorLayer current(Layer layer) {
    MercatorLayer snapshot = cached(layer);
    if (snapshot != null && snapshot.revision() == revisions.revision(layer)) {
      return snapshot;
    }
    synchronized (locks.get(layer)) {
      long revision = revisions.revision(layer);
      snapshot = cached(layer);
      if (snapshot != null && snapshot.revision() == revision) {
        return snapshot;
      }
      snapshot = MercatorLayer.of(layer.id(), revision, repository.findAll(layer));
      synchronized (built) {
        built.put(layer, snapshot);
      }
      return snapshot;
    }
  }

  private MercatorLayer cached(Layer layer) {
    synchronized (built) {
      return built.get(layer);
    }
  }
}
