package org.jointworks.layers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current in-memory snapshot of each layer, of whatever kind a reader needs (the analyses'
 * metric layers, the tiles' EPSG:3857 layers), brought up to date when the layer's revision
 * moved: from the few features written since, when the revisions' change log names them
 * ({@link LayerRevisions#writtenBetween}, read in one query), from the features an import of
 * this instance handed over ({@link LayerRevisions#handedBetween}, no query), or from the whole
 * layer. Never
 * stale: the revision is read before the features, so a write that commits during an update is
 * applied again by the next call.
 *
 * <p>Thread-safe: updates of one layer are serialised; readers of a current snapshot never wait.
 *
 * @param <T> the snapshot
 */
public final class LayerSnapshots<T> {
  /** How one kind of snapshot is made. */
  public interface Kind<T> {
    /** The revision {@code snapshot} was made at. */
    long revision(T snapshot);

    /** A snapshot of all of {@code features} (the layer in id order). */
    T build(Layer layer, long revision, List<Feature> features);

    /**
     * {@code old} with the features {@code written} since replaced by {@code current} (a
     * written id missing from it was deleted).
     */
    T update(Layer layer, T old, long revision, Set<Long> written, List<Feature> current);

    /**
     * {@code old} with {@code added} (features with new ids, in id order) added: what an
     * import handed over (decision 60).
     */
    default T added(Layer layer, T old, long revision, List<Feature> added) {
      Set<Long> ids = new java.util.HashSet<>();
      added.forEach(f -> ids.add(f.id()));
      return update(layer, old, revision, ids, added);
    }

    /**
     * The snapshot from an import's hand-over: of it alone when {@code old} is null, else
     * {@code old} with it added. Kinds that can use the geometries transformed during the import
     * override this.
     */
    default T handed(Layer layer, T old, long revision, HandOver handed) {
      return old == null ? build(layer, revision, handed.features())
          : added(layer, old, revision, handed.features());
    }
  }

  private final FeatureRepository repository;
  private final LayerRevisions revisions;
  private final Kind<T> kind;
  private final Map<Layer, T> built = new EnumMap<>(Layer.class);
  private final Map<Layer, Object> locks = new EnumMap<>(Layer.class);

  public LayerSnapshots(FeatureRepository repository, LayerRevisions revisions, Kind<T> kind) {
    this.repository = repository;
    this.revisions = revisions;
    this.kind = kind;
    for (Layer layer : Layer.values()) {
      locks.put(layer, new Object());
    }
  }

  /** The layer as of the last committed write. */
  public T current(Layer layer) {
    T snapshot = cached(layer);
    if (snapshot != null && kind.revision(snapshot) == revisions.revision(layer)) {
      return snapshot;
    }
    synchronized (locks.get(layer)) {
      long revision = revisions.revision(layer);
      T old = cached(layer);
      if (old != null && kind.revision(old) == revision) {
        return old;
      }
      T now = revisions.handedBetween(layer, old == null ? -1 : kind.revision(old), revision)
          .map(handed -> fromHanded(layer, old, revision, handed)).orElse(null);
      if (now == null) {
        Set<Long> written = old == null ? null
            : revisions.writtenBetween(layer, kind.revision(old), revision).orElse(null);
        now = written == null ? kind.build(layer, revision, repository.findAll(layer))
            : kind.update(layer, old, revision, written, repository.findByIds(layer, written));
      }
      synchronized (built) {
        built.put(layer, now);
      }
      return now;
    }
  }

  /** The snapshot from the features this instance's imports handed over, without the store. */
  private T fromHanded(Layer layer, T old, long revision, HandOver.Catch handed) {
    return kind.handed(layer, handed.fromScratch() ? null : old, revision,
        HandOver.joined(handed.added()));
  }

  private T cached(Layer layer) {
    synchronized (built) {
      return built.get(layer);
    }
  }
}
