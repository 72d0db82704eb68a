package org.jointworks.coordination;

import java.util.List;
import org.jointworks.coordination.engine.ConstructionPlan;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.geo.Geometries;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The construction plan of a drawn polygon (a GeoJSON geometry or a Feature holding one). */
@RestController
class ConstructionPlanController {
  private final ConstructionPlanService service;

  ConstructionPlanController(ConstructionPlanService service) {
    this.service = service;
  }

  @PostMapping("/api/construction-plan")
  ConstructionPlan plan(@RequestBody JsonNode body) {
    JsonNode geometry = "Feature".equals(body.path("type").asString("")) ? body.get("geometry") : body;
    Geometry area;
    try {
      area = GeoJsonGeometry.read(geometry, Geometries.LONLAT);
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("the area is not a GeoJSON polygon",
          List.of("geometry: " + e.getMessage()));
    }
    return service.plan(area);
  }
}
