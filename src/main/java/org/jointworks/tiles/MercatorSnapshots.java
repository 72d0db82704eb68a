package org.jointworks.tiles;

import java.util.List;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.layers.LayerSnapshots;
import org.jointworks.tiles.mvt.MercatorLayer;
import org.springframework.stereotype.Component;

/**
 * The current EPSG:3857 snapshot of each layer, kept up to date by {@link LayerSnapshots}:
 * after a write, the written features are laid over the built index
 * ({@link MercatorLayer#withChanges}) instead of the layer being read again. Thread-safe.
 */
@Component
class MercatorSnapshots {
  private final LayerSnapshots<MercatorLayer> snapshots;

  MercatorSnapshots(FeatureRepository repository, LayerRevisions revisions) {
    this.snapshots = new LayerSnapshots<>(repository, revisions, new LayerSnapshots.Kind<>() {
      @Override
      public long revision(MercatorLayer snapshot) {
        return snapshot.revision();
      }

      @Override
      public MercatorLayer build(Layer layer, long revision, List<Feature> features) {
        return MercatorLayer.of(layer.id(), revision, features);
      }

      @Override
      public MercatorLayer update(Layer layer, MercatorLayer old, long revision,
          Set<Long> written, List<Feature> current) {
        return old.withChanges(revision, written, current);
      }
    });
  }

  MercatorLayer current(Layer layer) {
    return snapshots.current(layer);
  }
}
