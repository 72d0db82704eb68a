package org.jointworks.layers;

/**
 * Told of an import's hand-over as soon as the import makes it, before its transaction commits,
 * so a snapshot can be prepared from it on an idle core while the commit and the response run
 * (decision 97). A prepared snapshot is a guess about a revision that does not exist yet: it may
 * only be installed when {@link LayerSnapshots} reaches the committed revision from this very
 * hand-over ({@link HandOver#between}, by identity), never on its own. Listeners return at once
 * and do their work elsewhere.
 */
public interface HandOverListener {
  /** {@code handOver} is about to be committed as a change of {@code layer}. */
  void handing(Layer layer, HandOver handOver);

  /** The transaction that made {@code handOver} rolled back: drop what was prepared from it. */
  void dropped(Layer layer, HandOver handOver);
}
