package org.jointworks.layers;

import java.time.LocalDate;
import java.util.Map;
import org.jointworks.geo.GeoJsonGeometry;
import tools.jackson.core.JsonGenerator;

/**
 * Writes features as GeoJSON with the same property names the import reads, so an export imports
 * back unchanged. Whole numbers stay whole, dates are ISO-8601. Stateless.
 */
public final class FeatureWriter {
  private FeatureWriter() {}

  public static void write(Feature f, JsonGenerator out) {
    out.writeStartObject();
    out.writeStringProperty("type", "Feature");
    out.writeNumberProperty("id", f.id());
    out.writeName("geometry");
    GeoJsonGeometry.write(f.geometry(), out);
    out.writeName("properties");
    writeProperties(f.properties(), out);
    out.writeEndObject();
  }

  static void writeProperties(Map<String, Object> properties, JsonGenerator out) {
    out.writeStartObject();
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      out.writeName(e.getKey());
      if (v instanceof Long n) {
        out.writeNumber(n);
      } else if (v instanceof Double d) {
        out.writeNumber(d);
      } else if (v instanceof LocalDate d) {
        out.writeString(d.toString());
      } else {
        out.writeString(v.toString());
      }
    }
    out.writeEndObject();
  }

  /** The opening of a FeatureCollection; the caller writes the features, then {@link #close}. */
  public static void open(JsonGenerator out) {
    out.writeStartObject();
    out.writeStringProperty("type", "FeatureCollection");
    out.writeName("features");
    out.writeStartArray();
  }

  public static void close(JsonGenerator out) {
    out.writeEndArray();
    out.writeEndObject();
  }
}
