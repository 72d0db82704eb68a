package org.jointworks.map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/map/config}: the basemap and the opening view, for anyone. */
@RestController
class MapConfigController {
  private final MapProperties properties;

  MapConfigController(MapProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/api/map/config")
  MapProperties config() {
    return properties;
  }
}
