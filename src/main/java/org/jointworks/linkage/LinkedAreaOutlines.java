package org.jointworks.linkage;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * The outline (lon/lat) of a stored joint area, for features that plan over it (the plan
 * packages of {@code org.jointworks.planpackages}); 404 when there is no such area. Thread-safe.
 */
@Component
public class LinkedAreaOutlines {
  private final LinkedAreaService areas;

  LinkedAreaOutlines(LinkedAreaService areas) {
    this.areas = areas;
  }

  public Geometry outline(long id) {
    return areas.get(id).geometry();
  }
}
