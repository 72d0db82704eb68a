package org.jointworks.linkage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.jointworks.linkage.engine.AdjacencyEngine;
import org.jointworks.linkage.engine.AdjacentPair;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * The adjacency engine over the current communities, and the last few full adjacency lists, kept
 * for as long as the communities' snapshot is current (a write makes a new snapshot, and the
 * engine and lists built on the old one are dropped). Thread-safe: all state is behind one lock,
 * held only for the lookups, never for a computation.
 */
@Component
class Snapshots {
  private static final int KEPT_LISTS = 4;

  private final MetricLayers layers;
  private MetricLayer engineLayer;
  private AdjacencyEngine engine;
  private final Map<Double, List<AdjacentPair>> lists = new LinkedHashMap<>();
  /**
   * The engine being built over a layer prepared from an import's hand-over (decision 97), and
   * that layer's index: a committed snapshot sharing the index holds the very same areas.
   */
  private STRtree preparedIndex;
  private CompletableFuture<AdjacencyEngine> preparedEngine;

  Snapshots(MetricLayers layers) {
    this.layers = layers;
    layers.whenPrepared(Layer.COMMUNITIES, provisional -> {
      CompletableFuture<AdjacencyEngine> engine = new CompletableFuture<>();
      synchronized (this) {
        preparedIndex = provisional.index();
        preparedEngine = engine;
      }
      return () -> {
        try {
          engine.complete(AdjacencyEngine.of(provisional));
        } catch (RuntimeException | Error e) {
          engine.completeExceptionally(e);
        }
      };
    });
  }

  MetricLayer communities() {
    return layers.current(Layer.COMMUNITIES);
  }

  MetricLayer layer(Layer layer) {
    return layers.current(layer);
  }

  /** The engine over {@code communities}, which must be a snapshot from {@link #communities()}. */
  AdjacencyEngine engine(MetricLayer communities) {
    synchronized (this) {
      if (engineLayer == communities) {
        return engine;
      }
    }
    AdjacencyEngine built = prepared(communities);
    if (built == null) {
      built = AdjacencyEngine.of(communities);
    }
    synchronized (this) {
      if (engineLayer == null || engineLayer.revision() <= communities.revision()) {
        engineLayer = communities;
        engine = built;
        lists.clear();
      }
    }
    return built;
  }

  /**
   * The engine prepared over {@code communities}' areas while their import committed, waited
   * for if still being built; null when none was (or it failed).
   */
  private AdjacencyEngine prepared(MetricLayer communities) {
    CompletableFuture<AdjacencyEngine> engine;
    synchronized (this) {
      if (preparedIndex != communities.index()) {
        return null;
      }
      engine = preparedEngine;
      preparedIndex = null;
      preparedEngine = null;
    }
    try {
      return engine.join();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Every pair of the snapshot within {@code gapMeters}, computed once per snapshot and gap. */
  List<AdjacentPair> allPairs(MetricLayer communities, double gapMeters) {
    AdjacencyEngine e = engine(communities);
    synchronized (this) {
      if (engineLayer == communities && lists.containsKey(gapMeters)) {
        return lists.get(gapMeters);
      }
    }
    List<AdjacentPair> pairs = e.pairs(gapMeters);
    synchronized (this) {
      if (engineLayer == communities) {
        lists.put(gapMeters, pairs);
        while (lists.size() > KEPT_LISTS) {
          lists.remove(lists.keySet().iterator().next());
        }
      }
    }
    return pairs;
  }
}
