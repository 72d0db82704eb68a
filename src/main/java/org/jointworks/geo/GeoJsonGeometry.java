package org.jointworks.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * GeoJSON (RFC 7946) geometry objects to and from JTS. Reading is strict: a malformed geometry
 * raises {@link IllegalArgumentException} with a message fit for the user; structural validity
 * (self-intersections and the like) is left to {@link Geometries#problemOf}. Every coordinate
 * must be a finite number, and a geometry of more than {@code jointworks.limits.vertices}
 * positions is refused with {@code limit.vertices} before its coordinates are built (the
 * positions are counted first, so the refusal costs no allocation). Stateless.
 */
public final class GeoJsonGeometry {
  private GeoJsonGeometry() {}

  /** Reads a GeoJSON geometry object; {@code null} for a JSON null. */
  public static Geometry read(JsonNode node, GeometryFactory f) {
    if (node != null && node.isObject()) {
      VertexLimit.check(positionsIn(node, 0));
    }
    return readChecked(node, f);
  }

  /** The number of positions of a geometry object, counted without building anything. */
  static long positionsIn(JsonNode node, int depth) {
    if (depth > 16 || !node.isObject()) {
      return 0;
    }
    JsonNode members = node.get("geometries");
    long n = 0;
    if (members != null && members.isArray()) {
      for (JsonNode m : members) {
        n += positionsIn(m, depth + 1);
      }
    }
    JsonNode c = node.get("coordinates");
    return c == null ? n : n + positions(c, 0);
  }

  /** Positions are the innermost arrays (whose first member is not an array). */
  private static long positions(JsonNode c, int depth) {
    if (!c.isArray() || depth > 4) {
      return 0;
    }
    if (c.isEmpty() || !c.get(0).isArray()) {
      return 1;
    }
    long n = 0;
    for (JsonNode m : c) {
      n += positions(m, depth + 1);
    }
    return n;
  }

  private static Geometry readChecked(JsonNode node, GeometryFactory f) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("geometry must be a GeoJSON object");
    }
    String type = node.path("type").asString("");
    if (type.equals("GeometryCollection")) {
      JsonNode members = node.path("geometries");
      if (!members.isArray()) {
        throw new IllegalArgumentException("GeometryCollection needs a 'geometries' array");
      }
      List<Geometry> parts = new ArrayList<>();
      for (JsonNode m : members) {
        parts.add(readChecked(m, f));
      }
      return f.createGeometryCollection(parts.toArray(Geometry[]::new));
    }
    JsonNode c = node.path("coordinates");
    if (!c.isArray()) {
      throw new IllegalArgumentException("geometry of type '" + type + "' needs a 'coordinates' array");
    }
    return switch (type) {
      case "Point" -> f.createPoint(position(c));
      case "MultiPoint" -> f.createMultiPointFromCoords(positions(c));
      case "LineString" -> line(c, f);
      case "MultiLineString" -> {
        List<LineString> lines = new ArrayList<>();
        for (JsonNode l : c) {
          lines.add(line(l, f));
        }
        yield f.createMultiLineString(lines.toArray(LineString[]::new));
      }
      case "Polygon" -> polygon(c, f);
      case "MultiPolygon" -> {
        List<Polygon> polys = new ArrayList<>();
        for (JsonNode p : c) {
          polys.add(polygon(p, f));
        }
        yield f.createMultiPolygon(polys.toArray(Polygon[]::new));
      }
      default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
    };
  }

  private static LineString line(JsonNode c, GeometryFactory f) {
    Coordinate[] pts = positions(c);
    if (pts.length == 1) {
      throw new IllegalArgumentException("a LineString needs at least 2 positions");
    }
    return f.createLineString(pts);
  }

  private static Polygon polygon(JsonNode c, GeometryFactory f) {
    if (!c.isArray() || c.isEmpty()) {
      return f.createPolygon();
    }
    LinearRing shell = ring(c.get(0), f);
    LinearRing[] holes = new LinearRing[c.size() - 1];
    for (int i = 1; i < c.size(); i++) {
      holes[i - 1] = ring(c.get(i), f);
    }
    return f.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode c, GeometryFactory f) {
    Coordinate[] pts = positions(c);
    if (pts.length > 0 && pts.length < 4) {
      throw new IllegalArgumentException("a polygon ring needs at least 4 positions, got " + pts.length);
    }
    if (pts.length > 0 && !pts[0].equals2D(pts[pts.length - 1])) {
      throw new IllegalArgumentException("a polygon ring must end where it starts");
    }
    return f.createLinearRing(pts);
  }

  private static Coordinate[] positions(JsonNode c) {
    if (!c.isArray()) {
      throw new IllegalArgumentException("coordinates must be an array of positions");
    }
    Coordinate[] out = new Coordinate[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = position(c.get(i));
    }
    return out;
  }

  private static Coordinate position(JsonNode p) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new IllegalArgumentException("a position must be an array of at least two numbers");
    }
    double x = p.get(0).asDouble();
    double y = p.get(1).asDouble();
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("a position must hold finite numbers");
    }
    return new Coordinate(x, y);
  }

  /** Writes {@code g} as a GeoJSON geometry object (a JSON null for {@code null}). */
  public static void write(Geometry g, JsonGenerator out) {
    if (g == null) {
      out.writeNull();
      return;
    }
    out.writeStartObject();
    out.writeStringProperty("type", g.getGeometryType());
    if (g instanceof GeometryCollection gc && !(g instanceof MultiPoint
        || g instanceof MultiLineString || g instanceof MultiPolygon)) {
      out.writeName("geometries");
      out.writeStartArray();
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        write(gc.getGeometryN(i), out);
      }
      out.writeEndArray();
    } else {
      out.writeName("coordinates");
      writeCoordinates(g, out);
    }
    out.writeEndObject();
  }

  private static void writeCoordinates(Geometry g, JsonGenerator out) {
    if (g instanceof Point p) {
      writePosition(p.getCoordinate(), out);
    } else if (g instanceof LineString l) {
      writePositions(l.getCoordinates(), out);
    } else if (g instanceof Polygon p) {
      out.writeStartArray();
      writePositions(p.getExteriorRing().getCoordinates(), out);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        writePositions(p.getInteriorRingN(i).getCoordinates(), out);
      }
      out.writeEndArray();
    } else {
      out.writeStartArray();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        writeCoordinates(g.getGeometryN(i), out);
      }
      out.writeEndArray();
    }
  }

  private static void writePositions(Coordinate[] cs, JsonGenerator out) {
    out.writeStartArray();
    for (Coordinate c : cs) {
      writePosition(c, out);
    }
    out.writeEndArray();
  }

  private static void writePosition(Coordinate c, JsonGenerator out) {
    if (c == null) {
      out.writeStartArray();
      out.writeEndArray();
      return;
    }
    out.writeStartArray();
    out.writeNumber(c.x);
    out.writeNumber(c.y);
    out.writeEndArray();
  }
}
