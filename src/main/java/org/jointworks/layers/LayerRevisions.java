package org.jointworks.layers;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter per layer that moves on every committed write. In-memory indexes and caches (the
 * analyses, the tile cache) compare it with the revision they were built at and rebuild when it
 * moved, so no answer is ever computed from data older than the last committed write.
 *
 * <p>The counter moves after commit, before the writing request answers: a reader that starts
 * after a write's response sees the new revision. Thread-safe. Single-instance: a second service
 * instance writing the same store would not move this counter (see docs/decisions.md).
 */
@Component
public class LayerRevisions {
  private final Map<Layer, AtomicLong> revisions = new EnumMap<>(Layer.class);

  LayerRevisions() {
    for (Layer layer : Layer.values()) {
      revisions.put(layer, new AtomicLong());
    }
  }

  public long revision(Layer layer) {
    return revisions.get(layer).get();
  }

  /** Moves the layer's revision once the current transaction commits (at once outside one). */
  public void changed(Layer layer) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          revisions.get(layer).incrementAndGet();
        }
      });
    } else {
      revisions.get(layer).incrementAndGet();
    }
  }
}
