package org.jointworks.coordination;

import org.jointworks.layers.BboxParameter;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.ObjectMapper;

/** The anonymous, read-only works map as a GeoJSON FeatureCollection. */
@RestController
class PublicWorksController {
  private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private static final int MAX_LIMIT = 10_000;

  private final PublicWorksService service;
  private final UpcomingWorks upcoming;
  private final ObjectMapper json;

  PublicWorksController(PublicWorksService service, UpcomingWorks upcoming, ObjectMapper json) {
    this.service = service;
    this.upcoming = upcoming;
    this.json = json;
  }

  /**
   * The citizens' list: works near {@code near} (lon,lat) within {@code radiusMeters} and/or on
   * a street, meeting [from, to] (default: today and the next {@code days}, 30).
   */
  @GetMapping("/api/public/works/upcoming")
  java.util.Map<String, Object> upcoming(@RequestParam(required = false) String near,
      @RequestParam(required = false) Double radiusMeters,
      @RequestParam(required = false) String street,
      @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
          iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
          java.time.LocalDate from,
      @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
          iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
          java.time.LocalDate to,
      @RequestParam(required = false) Integer days,
      @RequestParam(required = false) Integer limit) {
    UpcomingWorks.Query q = upcoming.query(near, radiusMeters, street, from, to, days, limit);
    var found = upcoming.list(q);
    var out = new java.util.LinkedHashMap<String, Object>();
    out.put("from", q.from().toString());
    out.put("to", q.to().toString());
    out.put("numberReturned", found.size());
    out.put("works", found);
    return out;
  }

  @GetMapping("/api/public/works")
  ResponseEntity<StreamingResponseBody> works(@RequestParam(required = false) String bbox,
      @RequestParam(defaultValue = "5000") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    Envelope box = bbox == null || bbox.isBlank() ? null : BboxParameter.parse(bbox);
    StreamingResponseBody body = out -> {
      try (var g = json.createGenerator(out)) {
        g.writeStartObject();
        g.writeStringProperty("type", "FeatureCollection");
        g.writeName("features");
        g.writeStartArray();
        int[] written = {0};
        boolean[] more = {false};
        service.forEach(box, f -> {
          if (written[0] >= limit) {
            more[0] = true;
            return;
          }
          g.writeStartObject();
          g.writeStringProperty("type", "Feature");
          g.writeNumberProperty("id", f.id());
          g.writeName("geometry");
          GeoJsonGeometry.write(f.geometry(), g);
          g.writePOJOProperty("properties", f.properties());
          g.writeEndObject();
          written[0]++;
        });
        g.writeEndArray();
        g.writeNumberProperty("numberReturned", written[0]);
        g.writeBooleanProperty("truncated", more[0]);
        g.writeEndObject();
      }
    };
    return ResponseEntity.ok().contentType(GEO_JSON).body(body);
  }

}
