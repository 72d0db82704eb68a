package org.jointworks.linkage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Linked areas as GeoJSON Features and back. A request is a Feature whose properties hold
 * {@code name} (required) and {@code note}; the foreign members {@code allowOverlap} and
 * {@code version} may stand beside {@code properties}. Stateless.
 */
final class LinkedAreaJson {
  static final int MAX_NAME = 200;
  static final int MAX_NOTE = 2000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LinkedAreaJson() {}

  static ObjectNode feature(LinkedArea a, GeometryJson geometryJson) {
    ObjectNode f = NODES.objectNode();
    f.put("type", "Feature");
    f.put("id", a.id());
    f.put("version", a.version());
    f.set("geometry", geometryJson.node(a.geometry()));
    ObjectNode p = f.putObject("properties");
    p.put("name", a.name());
    if (a.note() != null) {
      p.put("note", a.note());
    }
    p.put("area_m2", areaM2(a));
    p.put("created_by", a.createdBy());
    p.put("created_at", a.createdAt().toString());
    p.put("updated_by", a.updatedBy());
    p.put("updated_at", a.updatedAt().toString());
    return f;
  }

  /**
   * The area as a feature of the OGC collection {@code linked-areas}: the same properties as
   * {@link #feature}, with {@code version} among them (OGC features carry no foreign members).
   */
  static Feature asFeature(LinkedArea a) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", a.name());
    if (a.note() != null) {
      p.put("note", a.note());
    }
    p.put("area_m2", areaM2(a));
    p.put("version", a.version());
    p.put("created_by", a.createdBy());
    p.put("created_at", a.createdAt().toString());
    p.put("updated_by", a.updatedBy());
    p.put("updated_at", a.updatedAt().toString());
    return new Feature(a.id(), a.version(), a.geometry(), p);
  }

  /** The area in m², measured in the Gauss-Kruger zone of the city, to 0.1 m². */
  static double areaM2(LinkedArea a) {
    return Reports.round(Crs.transform(a.geometry(), Crs.LONLAT, Crs.GK_114E).getArea(), 1);
  }

  static ObjectNode collection(List<LinkedArea> areas, GeometryJson geometryJson) {
    ObjectNode c = NODES.objectNode();
    c.put("type", "FeatureCollection");
    ArrayNode features = c.putArray("features");
    areas.forEach(a -> features.add(feature(a, geometryJson)));
    c.put("numberReturned", areas.size());
    return c;
  }

  /** The draft in a request body; 400 when it is not a Feature, 422 when its content is bad. */
  static LinkedAreaService.Draft draft(JsonNode body) {
    if (body == null || !body.isObject() || !"Feature".equals(body.path("type").asString(""))) {
      throw ApiException.badRequest("send a GeoJSON Feature with a Polygon geometry and a"
          + " \"name\" property");
    }
    JsonNode props = body.path("properties");
    String name = props.path("name").isString() ? props.path("name").asString().strip() : "";
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw ApiException.unprocessable("the linked area is not valid: name is required (at most "
          + MAX_NAME + " characters)", List.of("name: required, 1-" + MAX_NAME + " characters"));
    }
    String note = props.path("note").isString() ? props.path("note").asString() : null;
    if (note != null && note.length() > MAX_NOTE) {
      throw ApiException.unprocessable("the linked area is not valid: note is too long",
          List.of("note: at most " + MAX_NOTE + " characters"));
    }
    Geometry g;
    try {
      g = GeoJsonGeometry.read(body.get("geometry"), Geometries.LONLAT);
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("the linked area is not valid: " + e.getMessage(),
          List.of(e.getMessage()));
    }
    if (g != null) {
      g.setSRID(Crs.LONLAT);
    }
    JsonNode allow = body.path("allowOverlap");
    if (!allow.isMissingNode() && !allow.isBoolean()) {
      throw ApiException.badRequest("allowOverlap must be true or false");
    }
    return new LinkedAreaService.Draft(name, note, g, allow.asBoolean(false));
  }
}
