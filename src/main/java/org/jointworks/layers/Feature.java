package org.jointworks.layers;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One stored feature of a layer: its server-assigned id, its version for optimistic locking, its
 * geometry in EPSG:4490 lon/lat and its properties keyed by field name (String, Long, Double or
 * LocalDate values; absent or null when not set).
 */
public record Feature(long id, long version, Geometry geometry, Map<String, Object> properties) {
  public Feature {
    properties = FeatureProperties.of(properties);
  }

  /** A feature not yet stored. */
  public static Feature unsaved(Geometry geometry, Map<String, Object> properties) {
    return new Feature(0, 0, geometry, properties);
  }

  public Object get(String field) {
    return properties.get(field);
  }

  public String text(String field) {
    Object v = properties.get(field);
    return v == null ? null : v.toString();
  }

  public Feature withIdentity(long newId, long newVersion) {
    return new Feature(newId, newVersion, geometry, properties);
  }
}
