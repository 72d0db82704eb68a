package org.jointworks.tiles;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.tiles.mvt.MercatorLayer;
import org.springframework.stereotype.Component;

/**
 * The current EPSG:3857 snapshot of each layer, brought up to date when the layer's revision
 * moved: by re-reading the few features written since (the revisions' change log names them), or
 * the whole layer when the log cannot tell (an import of thousands, a log that no longer reaches
 * back). Never stale: the revision is read before the features, so a write committing during an
 * update is applied again by the next call. Thread-safe: rebuilds of one layer are serialised, readers of a
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
      snapshot = updated(layer, snapshot, revision)
          .orElseGet(() -> MercatorLayer.of(layer.id(), revision, repository.findAll(layer)));
      synchronized (built) {
        built.put(layer, snapshot);
      }
      return snapshot;
    }
  }

  /**
   * The snapshot brought to {@code revision} by re-reading only the features written since it
   * was built; empty when that is unknown or too many to be worth it (then the layer is read).
   */
  private Optional<MercatorLayer> updated(Layer layer, MercatorLayer old, long revision) {
    if (old == null) {
      return Optional.empty();
    }
    return revisions.writtenBetween(layer, old.revision(), revision)
        .map(ids -> old.withChanges(revision, ids, repository.findByIds(layer, ids)));
  }

  private MercatorLayer cached(Layer layer) {
    synchronized (built) {
      return built.get(layer);
    }
  }
}
