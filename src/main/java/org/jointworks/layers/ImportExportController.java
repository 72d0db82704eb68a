package org.jointworks.layers;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/import/{layer}} takes a GeoJSON FeatureCollection as a stream (never buffered
 * whole); {@code GET /api/export/{layer}} streams the layer back as GeoJSON that imports unchanged.
 */
@RestController
class ImportExportController {
  private final ImportService imports;
  private final FeatureRepository repository;
  private final ObjectMapper json;

  ImportExportController(ImportService imports, FeatureRepository repository, ObjectMapper json) {
    this.imports = imports;
    this.repository = repository;
    this.json = json;
  }

  @PostMapping(path = "/api/import/{layer}",
      consumes = {"application/json", "application/geo+json"})
  Map<String, Object> importLayer(@PathVariable String layer, HttpServletRequest request)
      throws IOException {
    Layer l = LayerController.layer(layer);
    // The body's size and reading time are bounded by limits.BodyLimitFilter.
    ImportService.ImportResult r = imports.importGeoJson(l, request.getInputStream());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("imported", r.imported());
    body.put("ids", r.ids());
    if (!r.ignoredProperties().isEmpty()) {
      body.put("ignoredProperties", r.ignoredProperties());
    }
    return body;
  }

  @GetMapping("/api/export/{layer}")
  ResponseEntity<StreamingResponseBody> export(@PathVariable String layer) {
    Layer l = LayerController.layer(layer);
    boolean publicOnly = PublicWorks.hiddenFromCurrentUser(l);
    StreamingResponseBody body = out -> {
      try (var g = json.createGenerator(out)) {
        FeatureWriter.open(g);
        repository.forEach(l, null, f -> {
          if (!publicOnly || PublicWorks.shown(f)) {
            FeatureWriter.write(f, g);
          }
        });
        FeatureWriter.close(g);
      }
    };
    return ResponseEntity.ok().contentType(LayerController.GEO_JSON)
        .header("Content-Disposition", "attachment; filename=\"" + l.id() + ".geojson\"")
        .body(body);
  }
}
