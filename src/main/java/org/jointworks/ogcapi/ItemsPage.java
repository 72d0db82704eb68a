package org.jointworks.ogcapi;

import java.util.List;
import org.jointworks.layers.Feature;

/**
 * One page of items in id order.
 *
 * @param numberMatched every feature matching the filters, across all pages
 * @param hasNext whether features follow the last one of this page
 * @param hasPrev whether features precede the first one of this page
 * @param kept whether the features are a layer snapshot's own objects, which outlive the request
 *     and so are worth keeping rendered ({@link RenderedFeatures}); false for features read for
 *     this request alone
 */
public record ItemsPage(List<Feature> features, long numberMatched, boolean hasNext,
    boolean hasPrev, boolean kept) {
  public ItemsPage {
    features = List.copyOf(features);
  }

  /** A page of features read for this request. */
  public ItemsPage(List<Feature> features, long numberMatched, boolean hasNext, boolean hasPrev) {
    this(features, numberMatched, hasNext, hasPrev, false);
  }
}
