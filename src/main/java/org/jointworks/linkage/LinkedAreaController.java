package org.jointworks.linkage;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jointworks.linkage.Reports.AreaReport;
import org.jointworks.linkage.Reports.FacilityGaps;
import org.jointworks.system.ApiException;
import org.jointworks.system.Etags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Planner-drawn joint areas over HTTP: {@code /api/linked-areas} lists and creates,
 * {@code /{id}} reads (version as ETag), replaces and deletes with optimistic locking (a stale
 * If-Match answers 412, a stale body {@code version} 409, neither 428), {@code /{id}/report} and
 * {@code /{id}/facility-gaps} analyse a stored area, {@code /preview} a drawn one.
 */
@RestController
class LinkedAreaController {
  private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

  private final LinkedAreaService service;
  private final GeometryJson geometryJson;

  LinkedAreaController(LinkedAreaService service, GeometryJson geometryJson) {
    this.service = service;
    this.geometryJson = geometryJson;
  }

  @GetMapping("/api/linked-areas")
  ResponseEntity<String> list() {
    return ResponseEntity.ok().contentType(GEO_JSON)
        .body(LinkedAreaJson.collection(service.list(), geometryJson).toString());
  }

  @GetMapping("/api/linked-areas/{id}")
  ResponseEntity<String> get(@PathVariable long id) {
    return withVersion(ResponseEntity.ok(), service.get(id));
  }

  @PostMapping("/api/linked-areas")
  ResponseEntity<String> create(@RequestBody JsonNode body, HttpServletRequest request) {
    LinkedArea a = service.create(LinkedAreaJson.draft(body));
    URI location = URI.create(request.getRequestURL().append('/').append(a.id()).toString());
    return withVersion(ResponseEntity.status(HttpStatus.CREATED).location(location), a);
  }

  @PutMapping("/api/linked-areas/{id}")
  ResponseEntity<String> replace(@PathVariable long id, @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    LinkedAreaService.Draft draft = LinkedAreaJson.draft(body);
    LinkedArea a;
    if (ifMatch != null) {
      a = service.replace(id, Etags.version(ifMatch), draft, true);
    } else if (body.path("version").canConvertToExactIntegral()) {
      a = service.replace(id, body.path("version").asLong(), draft, false);
    } else {
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
          "say which version you change: an If-Match header with the ETag you read,"
              + " or \"version\" in the body");
    }
    return withVersion(ResponseEntity.ok(), a);
  }

  @DeleteMapping("/api/linked-areas/{id}")
  ResponseEntity<Void> delete(@PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestParam(required = false) Long version) {
    if (ifMatch != null) {
      service.delete(id, Etags.version(ifMatch), true);
    } else if (version != null) {
      service.delete(id, version, false);
    } else {
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
          "say which version you delete: an If-Match header or ?version=");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/linked-areas/{id}/report")
  AreaReport report(@PathVariable long id,
      @RequestParam(defaultValue = "500") double walkMeters) {
    return service.report(id, walkMeters);
  }

  @GetMapping("/api/linked-areas/{id}/facility-gaps")
  FacilityGaps gaps(@PathVariable long id,
      @RequestParam(defaultValue = "500") double walkMeters) {
    return service.gaps(id, walkMeters);
  }

  @PostMapping("/api/linked-areas/preview")
  AreaReport preview(@RequestBody JsonNode body,
      @RequestParam(defaultValue = "500") double walkMeters) {
    return service.preview(LinkedAreaJson.draft(body), walkMeters);
  }

  private ResponseEntity<String> withVersion(ResponseEntity.BodyBuilder builder, LinkedArea a) {
    return builder.eTag(Etags.of(a.version())).contentType(GEO_JSON)
        .body(LinkedAreaJson.feature(a, geometryJson).toString());
  }

}
