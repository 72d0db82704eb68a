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

  /** Records mapped onto a layer's fields: the features and the mapping in effect. */
  record Mapped(List<Feature> features, ColumnMapping mapping) {
    List<String> unmappedColumns() {
      return mapping.unmapped();
    }
  }

  /**
   * Maps file columns to model fields ({@link ColumnMapping}: the explicit mapping, then names
   * equal to a field's, then DBF names cut at 10 characters). A mapping onto a field the layer
   * lacks is a 400.
   */
  static Mapped map(Layer layer, List<String> columns, List<ShapefileArchive.Row> rows,
      Map<String, String> mapping) {
    ColumnMapping effective = ColumnMapping.of(layer, columns, mapping);
    List<Feature> features = new ArrayList<>(rows.size());
    for (ShapefileArchive.Row r : rows) {
      Map<String, Object> props = new LinkedHashMap<>();
      effective.columnToField().forEach((col, field) -> {
        Object v = r.attributes().get(col);
        if (v != null && !(v instanceof String s && s.isEmpty())) {
          props.put(field, v);
        }
      });
      features.add(Feature.unsaved(r.geometry4490(), props));
    }
    return new Mapped(features, effective);
  }

  /** The first rows as GeoJSON with every row's problems, storing nothing. */
  @Transactional(readOnly = true)
  public Map<String, Object> preview(Layer layer, List<Feature> features) {
    return previewEach(layer, sink -> features.forEach(f -> sink.accept(json.readTree(geoJson(f)))));
  }

  /**
   * The dry run of an import: every feature {@code source} gives is read as the import would
   * read it; the first {@link #PREVIEW_ROWS} are returned, and every bad one is listed with its
   * problems and their codes ({@code layers.FeatureProblems}). Stores nothing.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> previewEach(Layer layer,
      java.util.function.Consumer<java.util.function.Consumer<tools.jackson.databind.JsonNode>> source) {
    FeatureReader reader = new FeatureReader(layer, repository.districtCodes(),
        repository.organisationCodes());
    List<Object> shown = new ArrayList<>();
    List<Map<String, Object>> problems = new ArrayList<>();
    int[] counts = {0, 0};
    source.accept(node -> {
      int i = counts[0]++;
      FeatureReader.Result r = reader.read(node);
      if (i < PREVIEW_ROWS) {
        shown.add(node);
      }
      if (!r.ok()) {
        counts[1]++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(Map.of("index", i, "problems", r.problems(),
              "errors", org.jointworks.layers.FeatureProblems.of(r.problems())));
        }
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", counts[0]);
    out.put("badRows", counts[1]);
    out.put("first", shown);
    out.put("problems", problems);
    return out;
  }

  /** Imports a GeoJSON FeatureCollection file into one layer, all or nothing. */
  @Transactional
  public ImportService.ImportResult importGeoJson(Layer layer, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return imports.importGeoJson(layer, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes features to a temporary GeoJSON file, which the caller deletes. */
  public Path spool(List<Feature> features) throws IOException {
    Path tmp = Files.createTempFile("jointworks-import", ".geojson");
    try (OutputStream out = Files.newOutputStream(tmp);
        JsonGenerator g = json.createGenerator(out)) {
      FeatureWriter.open(g);
      features.forEach(f -> FeatureWriter.write(f, g));
      FeatureWriter.close(g);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  /** Imports features into one layer, all or nothing. */
  @Transactional
  public ImportService.ImportResult importFeatures(Layer layer, List<Feature> features) {
    Path tmp = null;
    try {
      tmp = spool(features);
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
