package org.jointworks.ogcapi;

import java.time.LocalDate;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * A validated items request: every value already parsed and checked, so collections never see raw
 * text. Paging is keyset on the feature id: {@code after} asks for the page following that id,
 * {@code before} the page preceding it; both are ids in the collection's form, already checked by
 * its {@link FeatureIds#valid} (a number for the stored collections).
 *
 * @param bbox4490 the bbox in lon/lat, null for no spatial filter
 * @param bbox4490East the eastern half of a bbox that crosses the antimeridian (then
 *     {@code bbox4490} is its western half), null otherwise
 * @param from the first day of the datetime interval, null when open
 * @param to the last day of the datetime interval, null when open
 * @param hasDatetime whether a datetime was given at all
 * @param filters property name to typed value (String, Long, Double, LocalDate), equality
 */
public record ItemsQuery(Envelope bbox4490, Envelope bbox4490East, boolean hasDatetime, LocalDate from, LocalDate to,
    Map<String, Object> filters, int limit, String after, String before) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;

  public ItemsQuery {
    filters = Map.copyOf(filters);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
    if (after != null && before != null) {
      throw new IllegalArgumentException("after and before exclude each other");
    }
  }
}
