package org.jointworks.ogcapi;

import java.util.List;
import java.util.Optional;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.locationtech.jts.geom.Envelope;

/**
 * One feature collection served under {@code /ogcapi/collections/{id}}. Implementations must be
 * thread-safe; every answer must reflect the last committed write (no stale pages).
 */
public interface OgcCollection {
  /** The id in URLs: lower case, letters, digits and hyphens. */
  String id();

  String title();

  String description();

  /** Whether anonymous users may read it (the security rules are built from this at start). */
  boolean publicRead();

  /** The properties a client may filter on with {@code ?name=value}. */
  List<Queryable> queryables();

  /** The names of the start and end date properties, when features have a date range. */
  Optional<TemporalProperties> temporal();

  /** The spatial extent in lon/lat (EPSG:4490 ≈ CRS84); null when the collection is empty. */
  Envelope extent();

  /** The temporal extent as ISO dates {start, end}; null when not temporal or empty. */
  String[] temporalExtent();

  /** One page of items; exact {@code numberMatched}. */
  ItemsPage items(ItemsQuery query);

  /**
   * One feature by the id in its URL ({@link #ids()}); empty when there is none, including when
   * {@code id} is not of this collection's form (a 404, as for any unknown feature).
   */
  Optional<Feature> item(String id);

  /** How features are named; the stored features' numeric ids unless overridden. */
  default FeatureIds ids() {
    return FeatureIds.NUMERIC;
  }

  /**
   * The stored layer behind the collection, when there is one. The tiles feature serves the
   * stored layers only, so this also says whether {@code /collections/{id}/tiles} exists.
   */
  Optional<Layer> layer();

  /** The Part 4 writes, when the collection takes them; empty for a read-only collection. */
  Optional<ItemWrites> writes();

  /** Start and end date property names of a temporal collection. */
  record TemporalProperties(String start, String end) {}
}
