package org.jointworks.files;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Field;
import org.jointworks.layers.ImportJobs;
import org.jointworks.layers.ImportService;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The map's import: one door for every file format, told apart by the file's first bytes
 * ({@link UploadFormat}, set by {@link UploadBodyFilter}): a zip is a Shapefile, an SQLite file a
 * GeoPackage, <code>{</code> GeoJSON, anything else CSV. {@code POST /api/files/preview} is the dry
 * run — encoding, CRS, feature count, the column mapping in effect (with the DBF names cut at 10
 * characters mapped, {@link ColumnMapping}) and every feature's problems with codes — and stores
 * nothing; {@code POST /api/files/import} with the same parameters stores all or nothing through
 * the GeoJSON import ({@link FilesService}). Parameters: {@code layer} (not for a GeoPackage,
 * whose tables name their layers), {@code mapping} (JSON, column → field; an empty field leaves
 * a column out), {@code encoding}, {@code srid}, and for CSV {@code wkt} or {@code lon}/{@code lat}.
 */
@RestController
class UploadController {
  private final FilesService files;
  private final ObjectMapper json;
  private final ImportJobs jobs;

  UploadController(FilesService files, ObjectMapper json, ImportJobs jobs) {
    this.files = files;
    this.json = json;
    this.jobs = jobs;
  }

  @PostMapping("/api/files/preview")
  Map<String, Object> preview(@RequestParam(required = false) String layer,
      @RequestParam(required = false) String mapping,
      @RequestParam(required = false) String encoding,
      @RequestParam(required = false) Integer srid, @RequestParam(required = false) String wkt,
      @RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
      HttpServletRequest request) throws IOException {
    return run(Mode.PREVIEW, layer, mapping, encoding, srid, wkt, lon, lat, request);
  }

  /**
   * The import; with {@code async=true} (not for a GeoPackage) the file is read and mapped, then
   * stored by an import job: 202 with {@code Location: /api/imports/jobs/{id}} and the job
   * (docs/imports.md), whose progress counts the mapped features read and stored.
   */
  @PostMapping("/api/files/import")
  ResponseEntity<Map<String, Object>> importFile(@RequestParam(required = false) String layer,
      @RequestParam(required = false) String mapping,
      @RequestParam(required = false) String encoding,
      @RequestParam(required = false) Integer srid, @RequestParam(required = false) String wkt,
      @RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
      @RequestParam(defaultValue = "false") boolean async, HttpServletRequest request)
      throws IOException {
    Map<String, Object> out = run(async ? Mode.JOB : Mode.IMPORT, layer, mapping, encoding, srid,
        wkt, lon, lat, request);
    if (out.get("job") instanceof Map<?, ?> job) {
      return ResponseEntity.accepted().location(URI.create("/api/imports/jobs/" + job.get("id")))
          .body(out);
    }
    return ResponseEntity.ok(out);
  }

  /** A dry run, an import now, or an import by a job. */
  private enum Mode { PREVIEW, IMPORT, JOB }

  private Map<String, Object> run(Mode mode, String layerId, String mappingText,
      String encoding, Integer srid, String wkt, String lon, String lat,
      HttpServletRequest request) throws IOException {
    UploadFormat format = (UploadFormat) request.getAttribute(UploadBodyFilter.FORMAT);
    boolean dryRun = mode == Mode.PREVIEW;
    if (format == UploadFormat.SQLITE) {
      return geoPackage(dryRun, request);
    }
    Layer layer = layer(layerId);
    Map<String, String> explicit = mapping(mappingText);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("layer", layer.id());
    if (format == UploadFormat.JSON) {
      out.put("format", "geojson");
      out.put("encoding", "UTF-8");
      out.put("sourceCrs", "EPSG:4490");
      try (GeoJsonUpload up = GeoJsonUpload.read(request.getInputStream(), json)) {
        ColumnMapping m = ColumnMapping.of(layer, up.columns(), explicit);
        describe(out, layer, up.columns(), m);
        if (dryRun) {
          out.putAll(files.previewEach(layer, sink -> up.eachMapped(m, sink)));
          return out;
        }
        Path mapped = up.writeMapped(m);
        if (mode == Mode.JOB) {
          return started(out, layer, mapped);
        }
        try {
          return imported(out, files.importGeoJson(layer, mapped));
        } finally {
          Files.deleteIfExists(mapped);
        }
      }
    }
    List<String> columns;
    List<ShapefileArchive.Row> rows;
    if (format == UploadFormat.ZIP) {
      ShapefileArchive shp = ShapefileArchive.read(request.getInputStream(), encoding, srid);
      out.put("format", "shapefile");
      out.put("encoding", shp.encoding());
      out.put("encodingSource", shp.encodingSource());
      out.put("sourceCrs", "EPSG:" + shp.epsg());
      out.put("crsSource", shp.crsSource());
      columns = shp.columns();
      rows = shp.rows();
    } else {
      int from = srid == null ? 4490 : srid;
      try (CsvUpload csv = CsvUpload.read(request.getInputStream(), encoding, wkt, lon, lat);
          var reader = csv.reader()) {
        CsvFiles.ShapefileLike table = CsvFiles.read(reader, csv.wkt(), csv.lon(), csv.lat(),
            from);
        out.put("format", "csv");
        out.put("encoding", csv.encoding().name());
        out.put("encodingSource", csv.encodingSource());
        out.put("sourceCrs", "EPSG:" + from);
        out.put("crsSource", srid == null ? "default" : "parameter");
        out.put("geometryColumns", csv.wkt() != null ? List.of(csv.wkt())
            : List.of(csv.lon(), csv.lat()));
        columns = table.columns();
        rows = table.rows();
      }
    }
    FilesService.Mapped mapped = FilesService.map(layer, columns, rows, explicit);
    describe(out, layer, columns, mapped.mapping());
    if (dryRun) {
      out.putAll(files.preview(layer, mapped.features()));
      return out;
    }
    if (mode == Mode.JOB) {
      return started(out, layer, files.spool(mapped.features()));
    }
    return imported(out, files.importFeatures(layer, mapped.features()));
  }

  /** Hands the mapped GeoJSON to an import job, which deletes it when it ends. */
  private Map<String, Object> started(Map<String, Object> out, Layer layer, Path mapped)
      throws IOException {
    try {
      out.put("job", jobs.start(layer, mapped));
      return out;
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(mapped);
      throw e;
    }
  }

  private Map<String, Object> geoPackage(boolean dryRun, HttpServletRequest request)
      throws IOException {
    File tmp = Files.createTempFile("jointworks-upload", ".gpkg").toFile();
    try {
      Files.copy(request.getInputStream(), tmp.toPath(),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      List<String> ignored = new ArrayList<>();
      Map<Layer, List<Feature>> layers = GeoPackageFiles.read(tmp, ignored);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("format", "geopackage");
      out.put("sourceCrs", "EPSG:4490");
      out.put("ignoredTables", ignored);
      if (!dryRun) {
        out.put("imported", files.importLayers(layers));
        return out;
      }
      List<Object> previews = new ArrayList<>();
      int rows = 0;
      int bad = 0;
      for (Map.Entry<Layer, List<Feature>> e : layers.entrySet()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("layer", e.getKey().id());
        p.putAll(files.preview(e.getKey(), e.getValue()));
        rows += (Integer) p.get("rows");
        bad += (Integer) p.get("badRows");
        previews.add(p);
      }
      out.put("layers", previews);
      out.put("rows", rows);
      out.put("badRows", bad);
      return out;
    } finally {
      tmp.delete();
    }
  }

  /** The mapping in effect and what the map needs to offer a choice for the rest. */
  private static void describe(Map<String, Object> out, Layer layer, List<String> columns,
      ColumnMapping m) {
    out.put("columns", columns);
    out.put("mapping", m.columnToField());
    out.put("automatic", m.automatic());
    out.put("unmappedColumns", m.unmapped());
    List<Map<String, Object>> fields = new ArrayList<>();
    for (Field f : layer.fields()) {
      fields.add(Map.of("name", f.name(), "type", f.type().name(), "required", f.required()));
    }
    out.put("fields", fields);
  }

  private static Map<String, Object> imported(Map<String, Object> out,
      ImportService.ImportResult r) {
    out.put("imported", r.imported());
    out.put("ids", r.ids());
    return out;
  }

  private Map<String, String> mapping(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(text, new TypeReference<Map<String, String>>() {});
    } catch (RuntimeException e) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "upload.mapping", "mapping must be a JSON"
          + " object of column name to field name", Map.of());
    }
  }

  private static Layer layer(String id) {
    if (id == null || id.isBlank()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "upload.layer", "name the layer: ?layer=…",
          Map.of());
    }
    return Layer.byId(id).orElseThrow(() -> ApiException.of(HttpStatus.BAD_REQUEST,
        "upload.layer", "unknown layer '" + id + "'", Map.of("layer", id)));
  }
}
