package org.jointworks.ogcapi;

import java.util.List;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;

/**
 * One page of items in id order.
 *
 * @param numberMatched every feature matching the filters, across all pages
 * @param hasNext whether features follow the last one of this page
 * @param hasPrev whether features precede the first one of this page
 * @param kept where the features sit in a layer snapshot, whose objects outlive the request and
 *     so are worth keeping rendered ({@link RenderedFeatures}); null for features read for this
 *     request alone
 */
public record ItemsPage(List<Feature> features, long numberMatched, boolean hasNext,
    boolean hasPrev, Kept kept) {
  public ItemsPage {
    features = List.copyOf(features);
  }

  /** A page of features read for this request. */
  public ItemsPage(List<Feature> features, long numberMatched, boolean hasNext, boolean hasPrev) {
    this(features, numberMatched, hasNext, hasPrev, null);
  }

  /**
   * The page's place in a snapshot: its features are {@code snapshot.subList(from, from + n)}.
   *
   * @param snapshot the layer's snapshot features in id order, the very list (compared by identity)
   */
  public record Kept(Layer layer, List<Feature> snapshot, int from) {}
}
