package org.jointworks.coordination.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A GeoJSON geometry as plain maps and lists, so answers made here serialise with any JSON
 * library and the engine stays free of one. Coordinates are rounded to 1e-7 degrees (1 cm).
 * Stateless.
 */
public final class GeoJsonMaps {
  private GeoJsonMaps() {}

  public static Map<String, Object> of(Geometry g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", g.getGeometryType());
    if (g instanceof Point p) {
      m.put("coordinates", position(p.getCoordinate()));
    } else if (g instanceof LineString l) {
      m.put("coordinates", positions(l.getCoordinates()));
    } else if (g instanceof Polygon p) {
      m.put("coordinates", rings(p));
    } else if (g instanceof MultiPoint || g instanceof MultiLineString
        || g instanceof MultiPolygon) {
      List<Object> parts = new ArrayList<>();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        parts.add(of(g.getGeometryN(i)).get("coordinates"));
      }
      m.put("coordinates", parts);
    } else if (g instanceof GeometryCollection) {
      List<Object> parts = new ArrayList<>();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        parts.add(of(g.getGeometryN(i)));
      }
      m.put("geometries", parts);
    }
    return m;
  }

  private static List<Object> rings(Polygon p) {
    List<Object> rings = new ArrayList<>();
    rings.add(positions(p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
    }
    return rings;
  }

  private static List<double[]> positions(Coordinate[] cs) {
    List<double[]> out = new ArrayList<>(cs.length);
    for (Coordinate c : cs) {
      out.add(position(c));
    }
    return out;
  }

  private static double[] position(Coordinate c) {
    return new double[] {Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7};
  }
}
