package org.jointworks.layers;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksProperties;
import org.springframework.http.HttpStatus;
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
  private final long maxBytes;

  ImportExportController(ImportService imports, FeatureRepository repository, ObjectMapper json,
      JointWorksProperties properties) {
    this.imports = imports;
    this.repository = repository;
    this.json = json;
    this.maxBytes = properties.maxImportBytes();
  }

  @PostMapping(path = "/api/import/{layer}",
      consumes = {"application/json", "application/geo+json"})
  Map<String, Object> importLayer(@PathVariable String layer, HttpServletRequest request)
      throws IOException {
    Layer l = LayerController.layer(layer);
    if (request.getContentLengthLong() > maxBytes) {
      throw tooLarge();
    }
    ImportService.ImportResult r = imports.importGeoJson(l,
        new LimitedInputStream(request.getInputStream(), maxBytes));
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

  private ApiException tooLarge() {
    return new ApiException(HttpStatus.CONTENT_TOO_LARGE,
        "the body is larger than the import limit of " + maxBytes + " bytes");
  }

  /** Fails the read once more than {@code limit} bytes came, when no Content-Length said so. */
  private final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      count += n;
      if (count > limit) {
        throw tooLarge();
      }
    }
  }
}
