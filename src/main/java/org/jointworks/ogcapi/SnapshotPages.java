package org.jointworks.ogcapi;

import java.util.List;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.layers.MetricLayers;
import org.jointworks.layers.PublicWorks;
import org.springframework.stereotype.Component;

/**
 * Unfiltered items pages read from the layer's in-memory snapshot ({@link MetricLayers}, the
 * one the analyses keep: its features in id order, brought up to date after every committed
 * write) instead of the store: a binary search for the cursor and a sublist, where the keyset SQL
 * read and decoded 101 rows per page (decision 94). The page is the one {@link KeysetPages} gives
 * for the same query, feature for feature. Only where the snapshot is exactly what the SQL would
 * read: no bbox, datetime or property filter (those stay in SQL, with its spatial index), not
 * the works an anonymous user may not all see, and only when this instance alone writes the store
 * (shared revisions may trail another instance's commit). Thread-safe.
 */
@Component
class SnapshotPages {
  private final MetricLayers snapshots;
  private final LayerRevisions revisions;

  SnapshotPages(MetricLayers snapshots, LayerRevisions revisions) {
    this.snapshots = snapshots;
    this.revisions = revisions;
  }

  /** Whether {@link #page} answers {@code q} on {@code layer} exactly as the store would. */
  boolean answers(Layer layer, ItemsQuery q) {
    return !revisions.shared() && q.bbox4490() == null && !q.hasDatetime()
        && q.filters().isEmpty() && !PublicWorks.hiddenFromCurrentUser(layer);
  }

  /** The page of {@code q}, as {@code id > after ORDER BY id} or {@code id < before}. */
  ItemsPage page(Layer layer, ItemsQuery q) {
    List<Feature> all = snapshots.current(layer).features();
    int n = all.size();
    boolean backwards = q.before() != null;
    int from;
    int to;
    boolean more;
    if (backwards) {
      to = firstAtLeast(all, Long.parseLong(q.before().trim())); // the ids below before
      from = Math.max(0, to - q.limit());
      more = to > q.limit();
    } else {
      from = q.after() == null ? 0 : firstAbove(all, Long.parseLong(q.after().trim()));
      to = (int) Math.min((long) from + q.limit(), n);
      more = to < n;
    }
    List<Feature> page = all.subList(from, to);
    boolean hasNext = backwards || more;
    boolean hasPrev = backwards ? more : q.after() != null;
    return new ItemsPage(page, n, hasNext && !page.isEmpty(), hasPrev && !page.isEmpty(),
        new ItemsPage.Kept(layer, all, from));
  }

  /** The position of the first feature whose id is above {@code id} (n when none is). */
  private static int firstAbove(List<Feature> byId, long id) {
    return id == Long.MAX_VALUE ? byId.size() : firstAtLeast(byId, id + 1);
  }

  /** The position of the first feature whose id is {@code id} or above (n when none is). */
  private static int firstAtLeast(List<Feature> byId, long id) {
    int lo = 0;
    int hi = byId.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (byId.get(mid).id() < id) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
