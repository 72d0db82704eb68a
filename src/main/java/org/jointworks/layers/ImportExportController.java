package org.jointworks.layers;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
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
  private final ImportJobs jobs;
  private final long asyncBytes;

  ImportExportController(ImportService imports, FeatureRepository repository, ObjectMapper json,
      ImportJobs jobs, @Value("${jointworks.imports.async-bytes:67108864}") long asyncBytes) {
    this.imports = imports;
    this.repository = repository;
    this.json = json;
    this.jobs = jobs;
    this.asyncBytes = asyncBytes;
  }

  /**
   * The import; run as a job (202 and {@code Location: /api/imports/jobs/{id}}, decision 62)
   * when {@code async=true} or the body is larger than {@code jointworks.imports.async-bytes}.
   */
  @PostMapping(path = "/api/import/{layer}",
      consumes = {"application/json", "application/geo+json"})
  ResponseEntity<Map<String, Object>> importLayer(@PathVariable String layer,
      @RequestParam(defaultValue = "false") boolean async, HttpServletRequest request)
      throws IOException {
    Layer l = LayerController.layer(layer);
    if (async || request.getContentLengthLong() > asyncBytes) {
      LayerAccess.checkLayer(l);
      // The body's size and reading time are bounded by limits.BodyLimitFilter.
      Path spooled;
      try (InputStream in = request.getInputStream()) {
        spooled = SpooledBody.write(in);
      }
      String owner = org.jointworks.system.JointWorksUser.current().orElseThrow().getUsername();
      ImportJob job = jobs.submit(l, spooled, owner);
      return ResponseEntity.accepted().location(URI.create("/api/imports/jobs/" + job.id()))
          .body(job.toJson());
    }
    ImportService.ImportResult r = imports.importUpload(l, request.getInputStream());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("imported", r.imported());
    body.put("ids", r.ids());
    if (!r.ignoredProperties().isEmpty()) {
      body.put("ignoredProperties", r.ignoredProperties());
    }
    return ResponseEntity.ok(body);
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
