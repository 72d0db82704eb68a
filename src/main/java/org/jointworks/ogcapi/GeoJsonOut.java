package org.jointworks.ogcapi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.layers.Feature;
import tools.jackson.core.JsonGenerator;

/**
 * Writes OGC API features as GeoJSON in a requested CRS: the feature's id (a number or a string,
 * as the collection's {@link FeatureIds} say), its geometry through
 * {@link OgcCrs#fromStorage}, its properties with the layer's field names (the same names the
 * import reads), and links where the standard asks for them. Stateless.
 */
final class GeoJsonOut {
  private GeoJsonOut() {}

  static void feature(Feature f, FeatureIds ids, OgcCrs crs, List<Map<String, Object>> links,
      JsonGenerator g) {
    g.writeStartObject();
    g.writeStringProperty("type", "Feature");
    if (ids.numeric()) {
      g.writeNumberProperty("id", f.id());
    } else {
      g.writeStringProperty("id", ids.of(f));
    }
    g.writeName("geometry");
    GeoJsonGeometry.write(crs.fromStorage(f.geometry()), g);
    g.writeName("properties");
    g.writeStartObject();
    for (Map.Entry<String, Object> e : f.properties().entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      g.writeName(e.getKey());
      if (v instanceof Long n) {
        g.writeNumber(n);
      } else if (v instanceof Double d) {
        g.writeNumber(d);
      } else if (v instanceof LocalDate d) {
        g.writeString(d.toString());
      } else {
        g.writeString(v.toString());
      }
    }
    g.writeEndObject();
    if (links != null) {
      g.writeName("links");
      g.writePOJO(links);
    }
    g.writeEndObject();
  }
}
