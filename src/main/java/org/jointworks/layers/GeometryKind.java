package org.jointworks.layers;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** Which JTS geometry types a layer accepts. */
public enum GeometryKind {
  AREA("Polygon or MultiPolygon"),
  LINE("LineString or MultiLineString"),
  LINE_OR_AREA("LineString, MultiLineString, Polygon or MultiPolygon"),
  POINT("Point");

  private final String expected;

  GeometryKind(String expected) {
    this.expected = expected;
  }

  /** The GeoJSON types accepted, for error messages. */
  public String expected() {
    return expected;
  }

  public boolean accepts(Geometry g) {
    return switch (this) {
      case AREA -> g instanceof Polygonal;
      case LINE -> g instanceof Lineal;
      case LINE_OR_AREA -> g instanceof Polygonal || g instanceof Lineal;
      case POINT -> g instanceof Puntal && g.getNumGeometries() == 1;
    };
  }
}
