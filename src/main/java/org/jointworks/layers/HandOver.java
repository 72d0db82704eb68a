package org.jointworks.layers;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jointworks.layers.LayerRevisions.LayerChange;
import org.locationtech.jts.geom.Geometry;

/**
 * What an import hands to the snapshots with its change (decision 60): the features it inserted
 * (new ids, ascending, exactly the rows) and the revision at which it saw the layer empty before
 * it, or -1 when it was not empty; with them, index for index, their geometries in
 * {@code metricEpsg} where the caller already has them (null where not: the snapshot transforms
 * them). An import hands none (decision 112): the snapshot prepared from its hand-over
 * transforms them while the store ends the load.
 */
public record HandOver(List<Feature> features, List<Geometry> metric, int metricEpsg,
    long emptyAt) {
  public HandOver {
    features = List.copyOf(features);
    metric = metric == null ? Collections.nCopies(features.size(), null)
        : Collections.unmodifiableList(new ArrayList<>(metric));
    if (metric.size() != features.size()) {
      throw new IllegalArgumentException("features and metric geometries differ in number");
    }
  }

  /** The features alone, none transformed. */
  public HandOver(List<Feature> features, long emptyAt) {
    this(features, null, 0, emptyAt);
  }

  /** Metric geometry {@code i} if it was transformed to {@code epsg}, else null. */
  public Geometry metric(int i, int epsg) {
    return epsg == metricEpsg ? metric.get(i) : null;
  }

  /**
   * Several hand-overs (oldest first) as one, in id order (ids of concurrent imports may
   * interleave); the metric geometries kept only where all were transformed to the same CRS.
   */
  static HandOver joined(List<HandOver> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int epsg = parts.get(0).metricEpsg();
    List<Feature> features = new ArrayList<>();
    List<Geometry> metric = new ArrayList<>();
    for (HandOver h : parts) {
      features.addAll(h.features());
      for (int i = 0; i < h.features().size(); i++) {
        metric.add(h.metric(i, epsg));
      }
    }
    Integer[] order = new Integer[features.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> features.get(i).id()));
    List<Feature> f = new ArrayList<>(order.length);
    List<Geometry> m = new ArrayList<>(order.length);
    for (int i : order) {
      f.add(features.get(i));
      m.add(metric.get(i));
    }
    return new HandOver(f, m, epsg, -1);
  }

  /**
   * The hand-over as the logged change at {@code revision} keeps it: softly (under memory
   * pressure the collector drops the features and the snapshots read the store, as for every
   * other change; never shared between instances), and whole only if nothing committed between
   * the emptiness check and this revision.
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
