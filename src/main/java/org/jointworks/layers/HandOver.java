package org.jointworks.layers;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jointworks.layers.LayerRevisions.LayerChange;

/**
 * What an import hands to the snapshots with its change (decision 60): the features it inserted
 * (new ids, ascending, exactly the rows) and the revision at which it saw the layer empty before
 * it, or -1 when it was not empty. Their metric geometries are the snapshot's to compute
 * (decision 112): the snapshot prepared from the hand-over transforms them while the store ends
 * the load.
 */
public record HandOver(List<Feature> features, long emptyAt) {
  public HandOver {
    features = List.copyOf(features);
  }

  /**
   * Several hand-overs (oldest first) as one, in id order (ids of concurrent imports may
   * interleave).
   */
  static HandOver joined(List<HandOver> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<Feature> features = new ArrayList<>();
    parts.forEach(h -> features.addAll(h.features()));
    features.sort(Comparator.comparingLong(Feature::id));
    return new HandOver(features, -1);
  }

  /**
   * The hand-over as the logged change at {@code revision} keeps it: softly (under memory
   * pressure the collector drops the features and the snapshots read the store, as for every
   * other change; never shared between instances; dropped outright once a later change hands
   * over the whole layer, decision 115), and whole only if nothing committed between the
   * emptiness check and this revision.
   */
  Kept keptAt(long revision) {
    return new Kept(new SoftReference<>(this), emptyAt >= 0 && emptyAt + 1 == revision);
  }

  /** A logged change's hand-over; {@code whole}: the features were the whole layer then. */
  public record Kept(SoftReference<HandOver> handed, boolean whole) {}

  /**
   * Features handed over since a snapshot: the whole layer when {@code fromScratch}, otherwise
   * features added to it; each list in id order, lists oldest first.
   */
  public record Catch(boolean fromScratch, List<HandOver> added) {}

  /**
   * What a snapshot at revision {@code from} (or none, when {@code from} is negative) needs to
   * reach {@code to} from hand-overs alone, walking the log {@code newestFirst}; empty when some
   * change between was not handed over (then the store is read). The caller holds the log.
   */
  static Optional<Catch> between(Iterator<LayerChange> newestFirst, long from, long to) {
    List<HandOver> lists = new ArrayList<>();
    boolean fromScratch = false;
    long expected = to;
    while (newestFirst.hasNext()) {
      LayerChange c = newestFirst.next();
      if (c.revision() > to) {
        continue;
      }
      if (c.revision() != expected || (from >= 0 && c.revision() <= from)) {
        break;
      }
      HandOver features = c.handed() == null ? null : c.handed().handed().get();
      if (features == null) {
        return Optional.empty();
      }
      lists.add(features);
      if (c.handed().whole()) {
        fromScratch = true;
        break;
      }
      expected--;
    }
    boolean reached = fromScratch || (from >= 0 && expected == from);
    if (!reached || lists.isEmpty()) {
      return Optional.empty();
    }
    Collections.reverse(lists);
    return Optional.of(new Catch(fromScratch, lists));
  }
}
