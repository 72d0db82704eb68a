package org.jointworks.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jointworks.limits.JsonLimits;
import org.jointworks.system.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GeoJSON FeatureCollection upload kept in a temporary file, read feature by feature (never
 * held whole): once for its property names (the columns of the preview's mapping), then again
 * with the properties renamed to the layer's fields. Coordinates are taken as EPSG:4490 lon/lat,
 * as by {@code POST /api/import/{layer}}. Not thread-safe; one per upload; {@link #close} deletes
 * the file.
 */
final class GeoJsonUpload implements AutoCloseable {
  /** A file with more property names than this is not a layer's export. */
  static final int MAX_COLUMNS = 500;

  private final Path file;
  private final ObjectMapper json;
  private final List<String> columns;
  private final int count;

  private GeoJsonUpload(Path file, ObjectMapper json) {
    this.file = file;
    this.json = json;
    Set<String> names = new LinkedHashSet<>();
    int[] n = {0};
    each(f -> {
      n[0]++;
      if (f.get("properties") instanceof ObjectNode props) {
        props.propertyNames().forEach(names::add);
        if (names.size() > MAX_COLUMNS) {
          throw ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST,
              "upload.columns", "more than " + MAX_COLUMNS + " property names",
              Map.of("max", MAX_COLUMNS));
        }
      }
    });
    this.columns = List.copyOf(names);
    this.count = n[0];
  }

  static GeoJsonUpload read(InputStream body, ObjectMapper json) throws IOException {
    Path tmp = Files.createTempFile("jointworks-upload", ".geojson");
    try {
      Files.copy(body, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return new GeoJsonUpload(tmp, json);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  List<String> columns() {
    return columns;
  }

  int count() {
    return count;
  }

  /** Every feature with its properties renamed by {@code mapping}; unmapped ones dropped. */
  void eachMapped(ColumnMapping mapping, Consumer<JsonNode> feature) {
    each(f -> {
      ObjectNode out = f.deepCopy();
      ObjectNode props = json.createObjectNode();
      if (f.get("properties") instanceof ObjectNode in) {
        mapping.columnToField().forEach((col, field) -> {
          JsonNode v = in.get(col);
          if (v != null && !v.isNull()) {
            props.set(field, v);
          }
        });
      }
      out.set("properties", props);
      feature.accept(out);
    });
  }

  /** Writes the mapped features as one FeatureCollection (the body the GeoJSON import takes). */
  Path writeMapped(ColumnMapping mapping) throws IOException {
    Path out = Files.createTempFile("jointworks-mapped", ".geojson");
    try (OutputStream os = Files.newOutputStream(out); JsonGenerator g = json.createGenerator(os)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeArrayPropertyStart("features");
      eachMapped(mapping, f -> json.writeTree(g, f));
      g.writeEndArray();
      g.writeEndObject();
    }
    return out;
  }

  private void each(Consumer<ObjectNode> feature) {
    try (InputStream in = Files.newInputStream(file); JsonParser p = json.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notACollection();
      }
      boolean sawFeatures = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("features") && value == JsonToken.START_ARRAY) {
          sawFeatures = true;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode f = p.readValueAsTree();
            feature.accept(f instanceof ObjectNode o ? o : json.createObjectNode());
          }
        } else {
          p.skipChildren();
        }
      }
      if (!sawFeatures) {
        throw notACollection();
      }
    } catch (JacksonException e) {
      throw JsonLimits.refusal(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ApiException notACollection() {
    return ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST, "upload.geojson",
        "the file must be a GeoJSON FeatureCollection with a 'features' array", Map.of());
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
