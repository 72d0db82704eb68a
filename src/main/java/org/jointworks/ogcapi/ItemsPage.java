package org.jointworks.ogcapi;

import java.util.List;
import org.jointworks.layers.Feature;

/**
 * One page of items in id order.
 *
 * @param numberMatched every feature matching the filters, across all pages
 * @param hasNext whether features follow the last one of this page
 * @param hasPrev whether features precede the first one of this page
 */
public record ItemsPage(List<Feature> features, long numberMatched, boolean hasNext,
    boolean hasPrev) {
  public ItemsPage {
    features = List.copyOf(features);
  }
}
