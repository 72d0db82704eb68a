package org.jointworks.layers;

import java.util.List;
import java.util.Map;
import org.jointworks.layers.LayerRevisions.LayerChange;
import org.locationtech.jts.geom.Envelope;

/**
 * Where the layers' revisions live when several service instances share one store: a table of
 * revisions and a log of changes in the store itself, written in each write's transaction
 * (decision 35). Without one, {@link LayerRevisions} counts in this JVM only (the embedded store,
 * which one instance owns).
 *
 * <p>Implementations are thread-safe.
 */
public interface RevisionJournal {
  /**
   * Moves the layer's revision and logs what the write touched, inside the caller's transaction
   * (so it commits or rolls back with the write). Writes to one layer are serialised from here
   * to their commit, so revisions commit in order and without gaps.
   *
   * @return the revision the write will have once it commits
   */
  long record(Layer layer, long[] ids, Envelope touched);

  /** Every layer's committed revision. */
  Map<Layer, Long> current();

  /**
   * The logged changes after {@code from} up to and including {@code to}, oldest first; a change
   * the log no longer holds is returned as one with unknown ids and region, so the caller still
   * learns that something moved.
   */
  List<LayerChange> changesBetween(Layer layer, long from, long to);

  /** A token that differs between stores (and restores), for ETags that outlive one run. */
  String epoch();
}
