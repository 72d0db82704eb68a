package org.jointworks.tiles;

import java.util.List;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.layers.LayerSnapshots;
import org.jointworks.layers.PublicWorks;
import org.jointworks.tiles.mvt.LayerCentres;
import org.jointworks.tiles.mvt.MercatorLayer;
import org.springframework.stereotype.Component;

/**
 * The current EPSG:3857 snapshot of each layer, kept up to date by {@link LayerSnapshots}:
 * after a write, the written features are laid over the built index
 * ({@link MercatorLayer#withChanges}) instead of the layer being read again. Beside it, for the
 * layers drawn as dots, only their features' centres ({@link LayerCentres}), which the overview
 * tiles are built from, so the opening view right after an import does not wait for the
 * detailed snapshot (decision 95). Thread-safe.
 */
@Component
class MercatorSnapshots {
  private final LayerSnapshots<MercatorLayer> snapshots;
  /** Only the centres, for the overview tiles: built in milliseconds from an import's hand-over. */
  private final LayerSnapshots<LayerCentres> centres;

  MercatorSnapshots(FeatureRepository repository, LayerRevisions revisions) {
    this.snapshots = new LayerSnapshots<>(repository, revisions, new LayerSnapshots.Kind<>() {
      @Override
      public long revision(MercatorLayer snapshot) {
        return snapshot.revision();
      }

      @Override
      public MercatorLayer build(Layer layer, long revision, List<Feature> features) {
        return MercatorLayer.of(layer.id(), revision, shown(layer, features));
      }

      @Override
      public MercatorLayer update(Layer layer, MercatorLayer old, long revision,
          Set<Long> written, List<Feature> current) {
        // A written work no longer public (withdrawn, say) is missing here: it leaves the tiles.
        return old.withChanges(revision, written, shown(layer, current));
      }
    });
    this.centres = new LayerSnapshots<>(repository, revisions, new LayerSnapshots.Kind<>() {
      @Override
      public long revision(LayerCentres snapshot) {
        return snapshot.revision();
      }

      @Override
      public LayerCentres build(Layer layer, long revision, List<Feature> features) {
        return LayerCentres.of(layer.id(), revision, shown(layer, features));
      }

      @Override
      public LayerCentres update(Layer layer, LayerCentres old, long revision,
          Set<Long> written, List<Feature> current) {
        return old.withChanges(revision, written, shown(layer, current));
      }
    });
  }

  /**
   * The features a tile may show: works tiles are one cache for every user and reach anonymous
   * users, so they hold the public works only (PublicWorks); the API serves the rest to
   * signed-in users.
   */
  private static List<Feature> shown(Layer layer, List<Feature> features) {
    return layer != Layer.WORKS ? features
        : features.stream().filter(PublicWorks::shown).toList();
  }

  MercatorLayer current(Layer layer) {
    return snapshots.current(layer);
  }

  /** The current centres of a layer's features, for its overview tiles (decision 95). */
  LayerCentres centres(Layer layer) {
    return centres.current(layer);
  }
}
