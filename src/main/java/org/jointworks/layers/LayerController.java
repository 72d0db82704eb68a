package org.jointworks.layers;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jointworks.system.ApiException;
import org.jointworks.system.Etags;
import org.locationtech.jts.geom.Envelope;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Features of a layer over HTTP: {@code /api/{layer}} lists (bbox-limited, {@code q} searches
 * names), one feature by id
 * with its version as ETag, and create, replace and delete with optimistic locking. The version
 * comes as {@code If-Match} (a stale one answers 412) or as {@code version} in the body (409).
 */
@RestController
class LayerController {
  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private static final int MAX_LIST = 10_000;

  private final LayerService service;
  private final FeatureRepository repository;
  private final ObjectMapper json;

  LayerController(LayerService service, FeatureRepository repository, ObjectMapper json) {
    this.service = service;
    this.repository = repository;
    this.json = json;
  }

  @GetMapping("/api/{layer:districts|communities|pipelines|pipe-points|works|facilities|streets}")
  ResponseEntity<StreamingResponseBody> list(@PathVariable String layer,
      @RequestParam(required = false) String bbox,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1000") int limit) {
    Layer l = layer(layer);
    if (limit < 1 || limit > MAX_LIST) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIST);
    }
    Envelope box = bbox == null ? null : BboxParameter.parse(bbox);
    boolean publicOnly = PublicWorks.hiddenFromCurrentUser(l);
    StreamingResponseBody body = out -> {
      try (var g = json.createGenerator(out)) {
        FeatureWriter.open(g);
        int[] written = {0};
        boolean[] more = {false};
        repository.forEach(l, box, q == null || q.isBlank() ? null : q.trim(), f -> {
          if (publicOnly && !PublicWorks.shown(f)) {
            return;
          }
          if (written[0] < limit) {
            FeatureWriter.write(f, g);
            written[0]++;
          } else {
            more[0] = true;
          }
        });
        g.writeEndArray();
        g.writeNumberProperty("numberReturned", written[0]);
        g.writeBooleanProperty("truncated", more[0]);
        g.writeEndObject();
      }
    };
    return ResponseEntity.ok().contentType(GEO_JSON).body(body);
  }

  @GetMapping("/api/{layer:districts|communities|pipelines|pipe-points|works|facilities|streets}/{id}")
  ResponseEntity<String> get(@PathVariable String layer, @PathVariable long id) {
    Feature f = service.get(layer(layer), id);
    return withVersion(ResponseEntity.ok(), f);
  }

  @PostMapping("/api/{layer:districts|communities|pipelines|pipe-points|works|facilities|streets}")
  ResponseEntity<String> create(@PathVariable String layer, @RequestBody JsonNode body,
      HttpServletRequest request) {
    Feature f = service.create(layer(layer), body);
    URI location = URI.create(request.getRequestURL().append('/').append(f.id()).toString());
    return withVersion(ResponseEntity.status(HttpStatus.CREATED).location(location), f);
  }

  @PutMapping("/api/{layer:districts|communities|pipelines|pipe-points|works|facilities|streets}/{id}")
  ResponseEntity<String> replace(@PathVariable String layer, @PathVariable long id,
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Expected expected = expectedVersion(ifMatch, body);
    Feature f = service.replace(layer(layer), id, expected.version(), body, expected.fromHeader());
    return withVersion(ResponseEntity.ok(), f);
  }

  @DeleteMapping("/api/{layer:districts|communities|pipelines|pipe-points|works|facilities|streets}/{id}")
  ResponseEntity<Void> delete(@PathVariable String layer, @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestParam(required = false) Long version) {
    Expected expected = ifMatch != null ? new Expected(Etags.version(ifMatch), true)
        : version != null ? new Expected(version, false) : null;
    if (expected == null) {
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
          "say which version you delete: an If-Match header or ?version=");
    }
    service.delete(layer(layer), id, expected.version(), expected.fromHeader());
    return ResponseEntity.noContent().build();
  }

  private record Expected(long version, boolean fromHeader) {}

  private static Expected expectedVersion(String ifMatch, JsonNode body) {
    if (ifMatch != null) {
      return new Expected(Etags.version(ifMatch), true);
    }
    JsonNode v = body.path("version");
    if (v.canConvertToExactIntegral()) {
      return new Expected(v.asLong(), false);
    }
    throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
        "say which version you change: an If-Match header with the ETag you read,"
            + " or \"version\" in the body");
  }


  private ResponseEntity<String> withVersion(ResponseEntity.BodyBuilder builder, Feature f) {
    var out = new java.io.StringWriter();
    try (var g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "Feature");
      g.writeNumberProperty("id", f.id());
      g.writeNumberProperty("version", f.version());
      g.writeName("geometry");
      org.jointworks.geo.GeoJsonGeometry.write(f.geometry(), g);
      g.writeName("properties");
      FeatureWriter.writeProperties(f.properties(), g);
      g.writeEndObject();
    }
    return builder.eTag(Etags.of(f.version())).contentType(GEO_JSON).body(out.toString());
  }

  static Layer layer(String id) {
    return Layer.byId(id).orElseThrow(() -> ApiException.notFound("layer '" + id + "'"));
  }

}
