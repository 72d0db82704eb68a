package org.jointworks.files;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.layers.ImportService;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The file endpoints under {@code /api/files}: the upload is the request body (a zip, a
 * GeoPackage or a CSV), the options are query parameters. {@code mapping} is a JSON object from
 * the file's column names to the layer's field names, for example
 * {@code {"管线类型":"utility","权属单位":"owner"}}.
 */
@RestController
class FilesController {
  private static final MediaType GPKG = MediaType.parseMediaType("application/geopackage+sqlite3");
  private final FilesService files;
  private final ObjectMapper json;

  FilesController(FilesService files, ObjectMapper json) {
    this.files = files;
    this.json = json;
  }

  @PostMapping("/api/files/shapefile/preview")
  Map<String, Object> previewShapefile(@RequestParam String layer,
      @RequestParam(required = false) String mapping,
      @RequestParam(required = false) String encoding,
      @RequestParam(required = false) Integer srid, HttpServletRequest request)
      throws IOException {
    Layer l = layer(layer);
    UploadFormat.expect(request, UploadFormat.ZIP, "shapefile zip");
    ShapefileArchive shp = ShapefileArchive.read(request.getInputStream(), encoding, srid);
    FilesService.Mapped mapped = FilesService.map(l, shp.columns(), shp.rows(), mapping(mapping));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("encoding", shp.encoding());
    out.put("encodingSource", shp.encodingSource());
    out.put("sourceCrs", "EPSG:" + shp.epsg());
    out.put("crsSource", shp.crsSource());
    out.put("columns", shp.columns());
    out.put("unmappedColumns", mapped.unmappedColumns());
    out.putAll(files.preview(l, mapped.features()));
    return out;
  }

  @PostMapping("/api/files/shapefile")
  Map<String, Object> importShapefile(@RequestParam String layer,
      @RequestParam(required = false) String mapping,
      @RequestParam(required = false) String encoding,
      @RequestParam(required = false) Integer srid, HttpServletRequest request)
      throws IOException {
    Layer l = layer(layer);
    UploadFormat.expect(request, UploadFormat.ZIP, "shapefile zip");
    ShapefileArchive shp = ShapefileArchive.read(request.getInputStream(), encoding, srid);
    FilesService.Mapped mapped = FilesService.map(l, shp.columns(), shp.rows(), mapping(mapping));
    ImportService.ImportResult r = files.importFeatures(l, mapped.features());
    return Map.of("imported", r.imported(), "ids", r.ids(), "encoding", shp.encoding(),
        "sourceCrs", "EPSG:" + shp.epsg());
  }

  @PostMapping("/api/files/csv")
  Map<String, Object> importCsv(@RequestParam String layer,
      @RequestParam(required = false) String wkt, @RequestParam(required = false) String lon,
      @RequestParam(required = false) String lat,
      @RequestParam(defaultValue = "4490") int srid,
      @RequestParam(defaultValue = "UTF-8") String encoding,
      @RequestParam(required = false) String mapping,
      @RequestParam(defaultValue = "false") boolean preview, HttpServletRequest request)
      throws IOException {
    Layer l = layer(layer);
    UploadFormat.expect(request, UploadFormat.TEXT, "csv");
    Charset cs;
    try {
      cs = Charset.forName(encoding);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("unknown encoding '" + encoding + "'");
    }
    CsvFiles.ShapefileLike csv = CsvFiles.read(new InputStreamReader(request.getInputStream(),
        cs), wkt, lon, lat, srid);
    FilesService.Mapped mapped = FilesService.map(l, csv.columns(), csv.rows(), mapping(mapping));
    if (preview) {
      return files.preview(l, mapped.features());
    }
    ImportService.ImportResult r = files.importFeatures(l, mapped.features());
    return Map.of("imported", r.imported(), "ids", r.ids());
  }

  @GetMapping("/api/files/csv/{layer}")
  ResponseEntity<StreamingResponseBody> exportCsv(@PathVariable String layer) {
    Layer l = layer(layer);
    if (!l.publicRead() && JointWorksUser.current().isEmpty()) {
      throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "sign in");
    }
    List<Feature> all = files.all(l);
    StreamingResponseBody body = out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CsvFiles.write(w, l, all); // closes the writer, which flushes it
    };
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + l.id() + ".csv\"")
        .body(body);
  }

  @GetMapping("/api/files/geopackage")
  ResponseEntity<byte[]> exportGeoPackage() throws IOException {
    Map<Layer, List<Feature>> layers = new EnumMap<>(Layer.class);
    for (Layer l : Layer.values()) {
      layers.put(l, files.all(l));
    }
    File tmp = Files.createTempFile("jointworks", ".gpkg").toFile();
    try {
      tmp.delete();
      GeoPackageFiles.write(tmp, layers);
      return ResponseEntity.ok().contentType(GPKG)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"jointworks.gpkg\"")
          .body(Files.readAllBytes(tmp.toPath()));
    } finally {
      tmp.delete();
    }
  }

  @PostMapping("/api/files/geopackage")
  Map<String, Object> importGeoPackage(HttpServletRequest request) throws IOException {
    UploadFormat.expect(request, UploadFormat.SQLITE, "geopackage");
    File tmp = Files.createTempFile("jointworks-upload", ".gpkg").toFile();
    try {
      Files.copy(request.getInputStream(), tmp.toPath(),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      List<String> ignored = new ArrayList<>();
      Map<Layer, List<Feature>> layers = GeoPackageFiles.read(tmp, ignored);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("imported", files.importLayers(layers));
      out.put("ignoredTables", ignored);
      return out;
    } finally {
      tmp.delete();
    }
  }

  private Map<String, String> mapping(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(text, new TypeReference<Map<String, String>>() {});
    } catch (RuntimeException e) {
      throw ApiException.badRequest("mapping must be a JSON object of column name to field name,"
          + " for example {\"管线类型\":\"utility\"}");
    }
  }

  private static Layer layer(String id) {
    return Layer.byId(id).orElseThrow(() -> ApiException.badRequest("unknown layer '" + id
        + "'"));
  }
}
