package org.jointworks.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureReader;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.FeatureWriter;
import org.jointworks.layers.ImportService;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports and exports files through the foundation's GeoJSON import: records become GeoJSON
 * Features in storage lon/lat, written to a temporary file and streamed into
 * {@link ImportService#importGeoJson}, so a Shapefile, a GeoPackage or a CSV meets exactly the
 * validation, write rules, audit and all-or-nothing transaction of a GeoJSON upload.
 */
@Service
public class FilesService {
  /** How many mapped rows a preview shows; problems are listed for every row. */
  static final int PREVIEW_ROWS = 20;
  static final int MAX_PROBLEMS = 1000;

  private final ImportService imports;
  private final FeatureRepository repository;
  private final ObjectMapper json;

  FilesService(ImportService imports, FeatureRepository repository, ObjectMapper json) {
    this.imports = imports;
    this.repository = repository;
    this.json = json;
  }

  /** Records mapped onto a layer's fields: the features and the columns left out. */
  record Mapped(List<Feature> features, List<String> unmappedColumns) {}

  /**
   * Maps file columns to model fields: the explicit mapping first, then any column whose name
   * is already a field name (case-insensitive). A mapping onto a field the layer lacks is a 400.
   */
  static Mapped map(Layer layer, List<String> columns, List<ShapefileArchive.Row> rows,
      Map<String, String> mapping) {
    Map<String, String> effective = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      if (!columns.contains(e.getKey())) {
        throw ApiException.badRequest("the mapping names a column '" + e.getKey()
            + "' the file does not have; its columns are " + columns);
      }
      if (layer.field(e.getValue()).isEmpty()) {
        throw ApiException.badRequest("the mapping names a field '" + e.getValue() + "' that "
            + layer.id() + " do not have; fields: "
            + layer.fields().stream().map(f -> f.name()).toList());
      }
      effective.put(e.getKey(), e.getValue());
    }
    List<String> unmapped = new ArrayList<>();
    for (String c : columns) {
      if (effective.containsKey(c)) {
        continue;
      }
      String lower = c.toLowerCase(Locale.ROOT);
      if (layer.field(lower).isPresent() && !effective.containsValue(lower)) {
        effective.put(c, lower);
      } else {
        unmapped.add(c);
      }
    }
    List<Feature> features = new ArrayList<>(rows.size());
    for (ShapefileArchive.Row r : rows) {
      Map<String, Object> props = new LinkedHashMap<>();
      effective.forEach((col, field) -> {
        Object v = r.attributes().get(col);
        if (v != null && !(v instanceof String s && s.isEmpty())) {
          props.put(field, v);
        }
      });
      features.add(Feature.unsaved(r.geometry4490(), props));
    }
    return new Mapped(features, unmapped);
  }

  /** The first rows as GeoJSON with every row's problems, storing nothing. */
  @Transactional(readOnly = true)
  public Map<String, Object> preview(Layer layer, List<Feature> features) {
    FeatureReader reader = new FeatureReader(layer, repository.districtCodes(),
        repository.organisationCodes());
    List<Object> shown = new ArrayList<>();
    List<Map<String, Object>> problems = new ArrayList<>();
    int bad = 0;
    for (int i = 0; i < features.size(); i++) {
      var node = json.readTree(geoJson(features.get(i)));
      FeatureReader.Result r = reader.read(node);
      if (i < PREVIEW_ROWS) {
        shown.add(node);
      }
      if (!r.ok()) {
        bad++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(Map.of("index", i, "problems", r.problems()));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", features.size());
    out.put("badRows", bad);
    out.put("first", shown);
    out.put("problems", problems);
    return out;
  }

  /** Imports features into one layer, all or nothing. */
  @Transactional
  public ImportService.ImportResult importFeatures(Layer layer, List<Feature> features) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("jointworks-import", ".geojson");
      try (OutputStream out = Files.newOutputStream(tmp);
          JsonGenerator g = json.createGenerator(out)) {
        FeatureWriter.open(g);
        features.forEach(f -> FeatureWriter.write(f, g));
        FeatureWriter.close(g);
      }
      try (InputStream in = Files.newInputStream(tmp)) {
        return imports.importGeoJson(layer, in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
  }

  /** Imports several layers in one transaction: one bad feature anywhere stores nothing. */
  @Transactional
  public Map<String, Object> importLayers(Map<Layer, List<Feature>> byLayer) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Layer layer : Layer.values()) {
      List<Feature> fs = byLayer.get(layer);
      if (fs == null || fs.isEmpty()) {
        continue;
      }
      try {
        out.put(layer.id(), importFeatures(layer, fs).imported());
      } catch (ApiException e) {
        throw new ApiException(e.status(), e.code(), layer.id() + ": " + e.getMessage(),
            e.args(), e.errors(), e.extra());
      }
    }
    return out;
  }

  @Transactional(readOnly = true)
  public List<Feature> all(Layer layer) {
    List<Feature> all = repository.findAll(layer);
    // Anonymous users export only the public works (approved, in progress).
    return org.jointworks.layers.PublicWorks.hiddenFromCurrentUser(layer)
        ? all.stream().filter(org.jointworks.layers.PublicWorks::shown).toList() : all;
  }

  private byte[] geoJson(Feature f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(out)) {
      FeatureWriter.write(f, g);
    }
    return out.toByteArray();
  }
}
