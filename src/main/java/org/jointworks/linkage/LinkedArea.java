package org.jointworks.linkage;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A joint renovation area drawn by a planner. Immutable.
 *
 * @param geometry the area in EPSG:4490 lon/lat (a Polygon or MultiPolygon)
 */
record LinkedArea(long id, long version, String name, String note, Geometry geometry,
    String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
  LinkedArea {
    Objects.requireNonNull(name);
    Objects.requireNonNull(geometry);
  }
}
