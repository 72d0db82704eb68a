package org.jointworks.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureWriter;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared test data: the plan's city (generated once), the reference CSVs read independently. */
final class Fixtures {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static SampleCity plan;

  private Fixtures() {}

  static synchronized SampleCity plan() {
    if (plan == null) {
      plan = SampleCity.plan();
    }
    return plan;
  }

  /** The rows of a gis-data CSV, read by hand so the tests do not trust the generator's reader. */
  static List<Map<String, String>> csv(String name) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("gis-data", name));
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < cells.length ? cells[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  static Set<String> codes(String csv) throws IOException {
    return csv(csv).stream().map(r -> r.get("code")).collect(Collectors.toSet());
  }

  /** The feature as the files hold it, read back as a tree the way the import reads it. */
  static JsonNode roundTrip(Feature f) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      FeatureWriter.write(f, g);
    }
    return JSON.readTree(bytes.toByteArray());
  }

  static Geometry metric(Geometry lonLat) {
    return Crs.transform(lonLat, Crs.LONLAT, Crs.GK_114E);
  }

  static List<Geometry> metric(List<Feature> features) {
    return features.stream().map(f -> metric(f.geometry())).toList();
  }
}
