package org.jointworks.layers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter per layer that moves on every committed write, and a short log of what each write
 * touched. In-memory indexes and caches (the analyses, the tile cache) compare the counter with
 * the revision they were built at; those that can tell which features or which region a change
 * reached (tiles, the tiles' snapshots) read the log and keep what it did not touch, the others
 * rebuild. So no answer is ever computed from data older than the last committed write this
 * instance has applied.
 *
 * <p>Two modes. Alone on the embedded store, the counter lives here and moves after commit,
 * before the writing request answers. On PostGIS, a {@link RevisionJournal} keeps the revision
 * and the log in the store, written in the write's transaction (decision 35); this class holds
 * the revision this instance has applied, and moves it after its own commits and when
 * {@code cluster/LayerChangeListener} hears another instance's (LISTEN/NOTIFY, or a comparison
 * of revisions after a missed notification). Either way, a reader that starts after a write's
 * response on this instance sees the new revision; on another instance, within the listener's
 * delay, or at once when the request names the revision it needs ({@link #catchUp(Layer, long)}).
 *
 * <p>Thread-safe: readers of the counter take no lock; the log and each layer's catch-up are
 * serialised.
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

  private final RevisionJournal journal;
  private final String epoch;
  private final Map<Layer, AtomicLong> revisions = new EnumMap<>(Layer.class);
  private final Map<Layer, ArrayDeque<LayerChange>> logs = new EnumMap<>(Layer.class);
  private final Map<Layer, ReentrantLock> catchUps = new EnumMap<>(Layer.class);
  /** Told of every hand-over before its commit (decision 97). */
  private final List<HandOverListener> handOverListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Imports of this instance whose transaction has not ended yet, per layer. */
  private final Map<Layer, AtomicInteger> importing =
      new EnumMap<>(Layer.class);

  /** Alone: the revisions count in this JVM from zero. */
  LayerRevisions() {
    this((RevisionJournal) null);
  }

  @Autowired
  LayerRevisions(ObjectProvider<RevisionJournal> journal) {
    this(journal.getIfAvailable());
  }

  /** Shared through {@code journal} when it is given, alone when it is null. */
  public LayerRevisions(RevisionJournal journal) {
    this.journal = journal;
    Map<Layer, Long> start = journal == null ? Map.of() : journal.current();
    for (Layer layer : Layer.values()) {
      revisions.put(layer, new AtomicLong(start.getOrDefault(layer, 0L)));
      logs.put(layer, new ArrayDeque<>());
      catchUps.put(layer, new ReentrantLock());
      importing.put(layer, new AtomicInteger());
    }
    this.epoch = journal == null ? Long.toString(System.currentTimeMillis(), 36) : journal.epoch();
  }

  /**
   * What one committed write changed.
   *
   * @param ids the features written (created, replaced or deleted), or null when unknown
   * @param touched the lon/lat (EPSG:4490) region the features covered before and after the
   *     write, or null when unknown (anywhere)
   */
  public record LayerChange(long revision, long[] ids, Envelope touched, HandOver.Kept handed) {
    public LayerChange(long revision, long[] ids, Envelope touched) {
      this(revision, ids, touched, null);
    }
  }

  /**
   * Written features a snapshot re-reads one by one; beyond this many, one read of the layer is
   * cheaper.
   */
  public static final int MAX_REREAD = 256;

  /** The layer's revision as this instance has applied it. */
  public long revision(Layer layer) {
    return revisions.get(layer).get();
  }

  /** Whether the revisions are shared with other instances through the store. */
  public boolean shared() {
    return journal != null;
  }

  /**
   * Differs between runs that count revisions from zero (alone) or between stores (shared), so
   * a stamp built from revisions (a tile's ETag) never matches one of another history.
   */
  public String epoch() {
    return epoch;
  }

  /** Moves the revision once the current transaction commits; what changed is unknown. */
  public void changed(Layer layer) {
    changed(layer, null, null);
  }

  /**
   * Moves the revision once the current transaction commits (at once outside one), remembering
   * which features and which region the write touched (either may be null: unknown). Shared, the
   * revision and the log row are written now, in the transaction.
   */
  public void changed(Layer layer, long[] ids, Envelope touched) {
    changed(layer, ids, touched, null);
  }

  /**
   * As {@link #changed(Layer, long[], Envelope)}, handing the inserted features over to the
   * snapshots (decision 60) when {@code handOver} is given.
   */
  public void changed(Layer layer, long[] ids, Envelope touched, HandOver handOver) {
    changed(layer, ids, touched, handOver, false);
  }

  /**
   * Tells the listeners of {@code handOver} now, in the import's transaction before the rest of
   * its work (PostGIS's index builds, the audit), so the snapshot is prepared on the core that
   * work leaves idle (decision 112); dropped if the transaction rolls back. The change itself is
   * then {@link #changedHanded}, which does not tell them again.
   */
  public void handing(Layer layer, HandOver handOver) {
    handOverListeners.forEach(l -> l.handing(layer, handOver));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            handOverListeners.forEach(l -> l.dropped(layer, handOver));
          }
        }
      });
    }
  }

  /** As {@link #changed(Layer, long[], Envelope, HandOver)}, once {@link #handing} was told. */
  public void changedHanded(Layer layer, long[] ids, Envelope touched, HandOver handOver) {
    changed(layer, ids, touched, handOver, true);
  }

  private void changed(Layer layer, long[] ids, Envelope touched, HandOver handOver,
      boolean told) {
    long[] kept = ids == null || ids.length > MAX_IDS ? null : ids.clone();
    Envelope region = touched == null ? null : new Envelope(touched);
    Runnable advance;
    if (journal == null) {
      advance = () -> RevisionHeader.written(layer, advance(layer, kept, region, handOver));
    } else {
      long revision = journal.record(layer, kept, region);
      LayerChange own = new LayerChange(revision, kept, region, handed(handOver, revision));
      advance = () -> {
        catchUp(layer, own.revision(), own);
        RevisionHeader.written(layer, own.revision());
      };
    }
    if (handOver != null && !told) {
      handing(layer, handOver);
    }
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

  /**
   * Tells {@code listener} of every hand-over before its commit, so it can prepare a snapshot
   * from it; what it prepares is only ever installed through {@link #handedBetween}, when the
   * committed change carries that very hand-over (decision 97).
   */
  public void listen(HandOverListener listener) {
    handOverListeners.add(listener);
  }

  private long advance(Layer layer, long[] ids, Envelope touched, HandOver handOver) {
    ArrayDeque<LayerChange> log = logs.get(layer);
    synchronized (log) {
      long next = revisions.get(layer).get() + 1;
      append(layer, log, new LayerChange(next, ids, touched, handed(handOver, next)));
      return next;
    }
  }

  /** The hand-over as the change at {@code revision} keeps it; whole only if nothing came
   * between the emptiness check and this revision. */
  private static HandOver.Kept handed(HandOver handOver, long revision) {
    return handOver == null ? null : handOver.keptAt(revision);
  }

  /**
   * The revision an import compares with to tell whether it alone wrote the layer: the applied
   * one alone, the store's committed one when shared. Read before the import checks that the
   * layer is empty.
   */
  public long committedRevision(Layer layer) {
    return journal == null ? revision(layer) : journal.current().getOrDefault(layer, 0L);
  }

  /**
   * Marks an import of {@code layer} running until the current transaction ends (committed or
   * rolled back), so background work that would redo itself after every body of a series (the
   * tile warmer, decision 88) waits for the series to end. Outside a transaction: nothing (the
   * end could not be seen).
   */
  public void importing(Layer layer) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    AtomicInteger running = importing.get(layer);
    running.incrementAndGet();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        running.decrementAndGet();
      }
    });
  }

  /** Whether an import of {@code layer} by this instance is still in its transaction. */
  public boolean importRunning(Layer layer) {
    return importing.get(layer).get() > 0;
  }

  /**
   * What a snapshot at revision {@code from} (or none, when {@code from} is negative) needs to
   * reach {@code to} from features handed over by this instance's imports, without reading the
   * store; empty when some change between was not handed over whole (then the store is read).
   */
  public Optional<HandOver.Catch> handedBetween(Layer layer, long from, long to) {
    ArrayDeque<LayerChange> log = logs.get(layer);
    synchronized (log) {
      return HandOver.between(log.descendingIterator(), from, to);
    }
  }

  /** Under the log's lock: the log is written before the counter moves, so whoever reads
   * revision r finds its entry. */
  private void append(Layer layer, ArrayDeque<LayerChange> log, LayerChange change) {
    log.addLast(change);
    if (log.size() > LOG_SIZE) {
      log.removeFirst();
    }
    forgetBeforeWhole(log, change);
    revisions.get(layer).set(change.revision());
  }

  /**
   * Under the log's lock: once {@code change} hands over the whole layer, the features earlier
   * changes handed over are dropped (decision 115). A snapshot reaching this revision or a later
   * one stops at the whole hand-over ({@link HandOver#between}); one that wanted an earlier
   * revision reads the store, as for any change not handed over. Kept softly, they stayed until
   * the heap ran short: a second import of 100,000 communities into an emptied layer found the
   * first's features still in the old generation, a concurrent cycle of the collector sooner.
   */
  private static void forgetBeforeWhole(ArrayDeque<LayerChange> log, LayerChange change) {
    if (change.handed() == null || !change.handed().whole()) {
      return;
    }
    for (LayerChange c : log) {
      if (c != change && c.revision() < change.revision() && c.handed() != null) {
        c.handed().handed().clear();
      }
    }
  }

  /**
   * Shared: another instance committed {@code change} (heard by notification); applied at once
   * when it is the next revision, otherwise the journal fills the gap. Alone: nothing to do.
   */
  public void heard(Layer layer, LayerChange change) {
    if (journal != null) {
      catchUp(layer, change.revision(), change);
    }
  }

  /**
   * Shared: brings the layer up to at least {@code wanted} (capped at the store's committed
   * revision) from the journal, before a reader that needs it answers. Alone: nothing to do.
   */
  public void catchUp(Layer layer, long wanted) {
    if (journal == null || revision(layer) >= wanted) {
      return;
    }
    long committed = journal.current().getOrDefault(layer, 0L);
    catchUp(layer, Math.min(wanted, committed), null);
  }

  /**
   * Shared: compares every layer with the store and applies what this instance missed (a lost
   * notification, a reconnect). Returns the layers that were behind.
   */
  public List<Layer> catchUpAll() {
    List<Layer> behind = new ArrayList<>();
    if (journal == null) {
      return behind;
    }
    journal.current().forEach((layer, committed) -> {
      if (committed > revision(layer)) {
        behind.add(layer);
        catchUp(layer, committed, null);
      }
    });
    return behind;
  }

  /** Applies the changes up to committed revision {@code target}, oldest first, in order. */
  private void catchUp(Layer layer, long target, LayerChange known) {
    if (revision(layer) >= target) {
      adopt(layer, known);
      return;
    }
    ReentrantLock lock = catchUps.get(layer);
    lock.lock();
    try {
      long from = revision(layer);
      if (from >= target) {
        adopt(layer, known);
        return;
      }
      // The journal is read outside the log's lock, so readers of the log never wait on SQL.
      List<LayerChange> changes = known != null && known.revision() == from + 1
          && known.revision() == target ? List.of(known)
          : journal.changesBetween(layer, from, target);
      ArrayDeque<LayerChange> log = logs.get(layer);
      synchronized (log) {
        for (LayerChange c : changes) {
          if (c.revision() > revisions.get(layer).get()) {
            append(layer, log, c);
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * This instance's own change, when the listener applied the same revision first from the
   * notification (which carries no features): its hand-over is attached to the logged change,
   * which it describes exactly (the write recorded it in its own transaction).
   */
  private void adopt(Layer layer, LayerChange own) {
    if (own == null || own.handed() == null) {
      return;
    }
    ArrayDeque<LayerChange> log = logs.get(layer);
    synchronized (log) {
      List<LayerChange> all = new ArrayList<>(log);
      for (int i = all.size() - 1; i >= 0; i--) {
        LayerChange c = all.get(i);
        if (c.revision() == own.revision()) {
          if (c.handed() == null) {
            LayerChange adopted = new LayerChange(c.revision(), c.ids(), c.touched(), own.handed());
            all.set(i, adopted);
            log.clear();
            log.addAll(all);
            forgetBeforeWhole(log, adopted);
          }
          return;
        }
      }
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
   * when the log no longer reaches back that far. A change whose revision jumps past several
   * (one the journal no longer held) stands for all of them, with ids and region unknown.
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
