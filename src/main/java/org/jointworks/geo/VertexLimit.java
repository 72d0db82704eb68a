package org.jointworks.geo;

import java.util.Map;
import org.jointworks.limits.Limits;

/**
 * The most vertices one geometry may have ({@code jointworks.limits.vertices}), checked where a
 * geometry enters: GeoJSON, WKT and WKB, and Shapefile records before they are read. A
 * million-vertex boundary costs every later analysis (a linked-area preview took 22 s), so it is
 * refused on the way in with {@code limit.vertices}. Stateless.
 */
public final class VertexLimit {
  private VertexLimit() {}

  /** Refuses a geometry of {@code count} vertices when that passes the limit. */
  public static void check(long count) {
    int limit = Limits.current().vertices();
    if (count > limit) {
      throw Limits.exceeded("vertices", limit, "a geometry has " + count
          + " vertices; the limit is " + limit, Map.of("vertices", count));
    }
  }
}
