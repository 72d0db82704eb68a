package org.jointworks.linkage;

import java.io.StringWriter;
import org.jointworks.geo.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Geometries as GeoJSON tree nodes, to embed in answer records. Thread-safe. */
@Component
class GeometryJson {
  private final ObjectMapper json;

  GeometryJson(ObjectMapper json) {
    this.json = json;
  }

  JsonNode node(Geometry g) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = json.createGenerator(out)) {
      GeoJsonGeometry.write(g, gen);
    }
    return json.readTree(out.toString());
  }
}
