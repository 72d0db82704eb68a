package org.jointworks.layers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Metric layers prepared from an import's hand-over on a background thread while the import
 * commits and answers (decision 97): the first analysis after an import of a whole layer then
 * finds its snapshot, and the analyses' own structures (the adjacency engine, through a
 * {@link Preparer}), built or being built, instead of starting them.
 *
 * <p>A prepared layer is a guess about a revision that does not exist yet. It is handed out only
 * by {@link #take}, which {@link MetricLayers} calls when {@link LayerSnapshots} builds the
 * committed revision from this very hand-over (the same object, the whole layer): so the
 * snapshot holds exactly what it would have built itself, and no answer comes from data older
 * than the last committed write. A rolled-back import's layer is dropped; a hand-over that is
 * not taken (a write came between) is replaced by the next one.
 *
 * <p>Thread-safe: the map is behind its own lock; the preparation runs on one daemon thread.
 */
public final class PreparedLayers implements HandOverListener {
  /** Prepares an analysis's structures from a prepared layer. */
  public interface Preparer {
    /**
     * Called on the preparing thread before the layer is handed out, so the analysis can
     * register what it will prepare; returns that work, run after the layer is released.
     */
    Runnable prepare(MetricLayer provisional);
  }

  private record Prepared(HandOver handOver, CompletableFuture<MetricLayer> layer) {}

  private final int metricEpsg;
  private final Map<Layer, Prepared> prepared = new EnumMap<>(Layer.class);
  private final Map<Layer, List<Preparer>> preparers = new EnumMap<>(Layer.class);
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "snapshot-prepare");
    t.setDaemon(true);
    return t;
  });

  PreparedLayers(int metricEpsg) {
    this.metricEpsg = metricEpsg;
    for (Layer layer : Layer.values()) {
      preparers.put(layer, new CopyOnWriteArrayList<>());
    }
  }

  /** Stops the preparing thread (the context closes); a preparation under way is abandoned. */
  void close() {
    thread.shutdownNow();
  }

  void add(Layer layer, Preparer preparer) {
    preparers.get(layer).add(preparer);
  }

  @Override
  public void handing(Layer layer, HandOver handOver) {
    // Only a hand-over that may be the whole layer: an addition depends on the snapshot it is
    // added to, which a concurrent write could change.
    if (handOver.emptyAt() < 0 || handOver.features().isEmpty()) {
      return;
    }
    CompletableFuture<MetricLayer> built = new CompletableFuture<>();
    synchronized (prepared) {
      prepared.put(layer, new Prepared(handOver, built));
    }
    Runnable work = () -> {
      try {
        MetricLayer provisional = MetricLayer.of(layer, -1, metricEpsg, handOver.features(),
            MetricLayers.transformed(handOver.features(), metricEpsg));
        List<Runnable> then = preparers.get(layer).stream()
            .map(p -> p.prepare(provisional)).toList();
        built.complete(provisional);
        then.forEach(Runnable::run);
      } catch (RuntimeException | Error e) {
        built.completeExceptionally(e);
      }
    };
    try {
      thread.execute(work);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // The context is closing: nothing is prepared, the snapshot is built as always.
      built.completeExceptionally(closing);
    }
  }

  @Override
  public void dropped(Layer layer, HandOver handOver) {
    synchronized (prepared) {
      Prepared p = prepared.get(layer);
      if (p != null && p.handOver() == handOver) {
        prepared.remove(layer);
      }
    }
  }

  /**
   * The layer prepared from {@code handed} (the same object), waiting for it if it is still
   * being built; null when none was, or it failed (then the caller builds it as always).
   */
  MetricLayer take(Layer layer, HandOver handed) {
    Prepared p;
    synchronized (prepared) {
      p = prepared.get(layer);
      if (p == null || p.handOver() != handed) {
        return null;
      }
      prepared.remove(layer);
    }
    try {
      return p.layer().join();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
