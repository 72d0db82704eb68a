package org.jointworks.layers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter per layer that moves on every committed write, and a short log of what each write
 * touched. In-memory indexes and caches (the analyses, the tile cache) compare the counter with
 * the revision they were built at; those that can tell which features or which region a change
 * reached (tiles, the tiles' snapshots) read the log and keep what it did not touch, the others
 * rebuild. So no answer is ever computed from data older than the last committed write.
 *
 * <p>The counter moves after commit, before the writing request answers: a reader that starts
 * after a write's response sees the new revision. Thread-safe. Single-instance: a second service
 * instance writing the same store would not move this counter (see docs/decisions.md).
 */
@Component
public class LayerRevisions {
  /** Changes remembered per layer; a cache older than this many writes rebuilds. */
  static final int LOG_SIZE = 4096;
  /**
   * Ids remembered per change; a larger write (an import) is logged as "ids unknown", so the log
   * stays small (readers re-read a layer after more than a few hundred writes anyway).
   */
  static final int MAX_IDS = 1024;

  private final Map<Layer, AtomicLong> revisions = new EnumMap<>(Layer.class);
  private final Map<Layer, ArrayDeque<LayerChange>> logs = new EnumMap<>(Layer.class);

  LayerRevisions() {
    for (Layer layer : Layer.values()) {
      revisions.put(layer, new AtomicLong());
      logs.put(layer, new ArrayDeque<>());
    }
  }

  /**
   * What one committed write changed.
   *
   * @param ids the features written (created, replaced or deleted), or null when unknown
   * @param touched the lon/lat (EPSG:4490) region the features covered before and after the
   *     write, or null when unknown (anywhere)
   */
  public record LayerChange(long revision, long[] ids, Envelope touched) {}

  /**
   * Written features a snapshot re-reads one by one; beyond this many, one read of the layer is
   * cheaper.
   */
  public static final int MAX_REREAD = 256;

  public long revision(Layer layer) {
    return revisions.get(layer).get();
  }

  /** Moves the revision once the current transaction commits; what changed is unknown. */
  public void changed(Layer layer) {
    changed(layer, null, null);
  }

  /**
   * Moves the revision once the current transaction commits (at once outside one), remembering
   * which features and which region the write touched (either may be null: unknown).
   */
  public void changed(Layer layer, long[] ids, Envelope touched) {
    long[] kept = ids == null || ids.length > MAX_IDS ? null : ids.clone();
    Runnable advance = () -> advance(layer, kept, touched == null ? null : new Envelope(touched));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          advance.run();
        }
      });
    } else {
      advance.run();
    }
  }

  private void advance(Layer layer, long[] ids, Envelope touched) {
    ArrayDeque<LayerChange> log = logs.get(layer);
    synchronized (log) {
      // The log is written before the counter moves: whoever reads revision r finds its entry.
      long next = revisions.get(layer).get() + 1;
      log.addLast(new LayerChange(next, ids, touched));
      if (log.size() > LOG_SIZE) {
        log.removeFirst();
      }
      revisions.get(layer).set(next);
    }
  }

  /**
   * The ids of the features written after revision {@code from} up to {@code to}, for a
   * snapshot that re-reads just those; empty when the log cannot name them all or they are more
   * than {@link #MAX_REREAD} (then the snapshot reads its layer whole).
   */
  public Optional<Set<Long>> writtenBetween(Layer layer, long from, long to) {
    Optional<List<LayerChange>> changes = changesBetween(layer, from, to);
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    Set<Long> ids = new LinkedHashSet<>();
    for (LayerChange c : changes.get()) {
      if (c.ids() == null || ids.size() + c.ids().length > MAX_REREAD) {
        return Optional.empty();
      }
      for (long id : c.ids()) {
        ids.add(id);
      }
    }
    return Optional.of(ids);
  }

  /**
   * The changes after revision {@code from} up to and including {@code to}, oldest first; empty
   * when the log no longer reaches back that far.
   */
  public Optional<List<LayerChange>> changesBetween(Layer layer, long from, long to) {
    ArrayDeque<LayerChange> log = logs.get(layer);
    synchronized (log) {
      if (from >= to) {
        return Optional.of(List.of());
      }
      if (log.isEmpty() || log.peekFirst().revision() > from + 1) {
        return Optional.empty();
      }
      List<LayerChange> out = new ArrayList<>();
      for (LayerChange c : log) {
        if (c.revision() > from && c.revision() <= to) {
          out.add(c);
        }
      }
      return Optional.of(out);
    }
  }
}
