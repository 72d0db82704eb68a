package org.jointworks.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Map;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.system.ApiException;
import org.jointworks.system.Etags;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features Part 4: create (POST → 201 + Location), replace (PUT), update (PATCH, a JSON
 * merge patch of the GeoJSON feature) and delete, all through {@link LayerService}, which holds
 * validation, the write rules, optimistic locking and the audit. The ETag is the feature's
 * version; PUT, PATCH and DELETE need {@code If-Match} (428 without, 412 when stale).
 * A body in another offered CRS names it with {@code Content-Crs}.
 */
@RestController
class TransactionsController {
  private final CollectionRegistry registry;
  private final LayerService layers;
  private final ObjectMapper json;

  TransactionsController(CollectionRegistry registry, LayerService layers, ObjectMapper json) {
    this.registry = registry;
    this.layers = layers;
    this.json = json;
  }

  @PostMapping(path = "/ogcapi/collections/{id}/items",
      consumes = {"application/geo+json", "application/json"})
  ResponseEntity<byte[]> create(@PathVariable String id, @RequestBody JsonNode body,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      HttpServletRequest request) {
    Layer layer = writable(id);
    Feature stored = layers.create(layer, inStorageCrs(body, contentCrs));
    URI location = URI.create(Links.root(request) + "/collections/" + id + "/items/"
        + stored.id());
    return withFeature(ResponseEntity.status(HttpStatus.CREATED).location(location), stored);
  }

  @PutMapping(path = "/ogcapi/collections/{id}/items/{featureId}",
      consumes = {"application/geo+json", "application/json"})
  ResponseEntity<byte[]> replace(@PathVariable String id, @PathVariable String featureId,
      @RequestBody JsonNode body,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Layer layer = writable(id);
    long fid = FeaturesController.parseId(featureId);
    Feature stored = layers.replace(layer, fid, expected(ifMatch), inStorageCrs(body, contentCrs),
        true);
    return withFeature(ResponseEntity.ok(), stored);
  }

  @PatchMapping(path = "/ogcapi/collections/{id}/items/{featureId}",
      consumes = {"application/merge-patch+json", "application/geo+json", "application/json"})
  ResponseEntity<byte[]> update(@PathVariable String id, @PathVariable String featureId,
      @RequestBody JsonNode patch,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Layer layer = writable(id);
    long fid = FeaturesController.parseId(featureId);
    long version = expected(ifMatch);
    if (!patch.isObject()) {
      throw ApiException.badRequest("a PATCH body is a JSON merge patch object of the feature");
    }
    Feature current = layers.get(layer, fid);
    ObjectNode merged = (ObjectNode) asJson(current);
    JsonNode geometry = patch.get("geometry");
    if (geometry != null) {
      merged.set("geometry", geometry);
    }
    JsonNode props = patch.get("properties");
    if (props != null) {
      if (!props.isObject()) {
        throw ApiException.badRequest("'properties' of a patch must be an object");
      }
      ObjectNode target = (ObjectNode) merged.get("properties");
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        if (e.getValue().isNull()) {
          target.remove(e.getKey());
        } else {
          target.set(e.getKey(), e.getValue());
        }
      }
    }
    if (geometry != null) {
      merged = (ObjectNode) inStorageCrs(merged, contentCrs);
    }
    Feature stored = layers.replace(layer, fid, version, merged, true);
    return withFeature(ResponseEntity.ok(), stored);
  }

  @DeleteMapping("/ogcapi/collections/{id}/items/{featureId}")
  ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String featureId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Layer layer = writable(id);
    layers.delete(layer, FeaturesController.parseId(featureId), expected(ifMatch), true);
    return ResponseEntity.noContent().build();
  }

  private Layer writable(String id) {
    return registry.get(id).layer().orElseThrow(() -> new ApiException(
        HttpStatus.METHOD_NOT_ALLOWED, "collection '" + id + "' is read-only"));
  }

  private static long expected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
          "send If-Match with the ETag you read (GET the item first)");
    }
    return Etags.version(ifMatch);
  }

  /** The body with its geometry moved from Content-Crs into storage lon/lat. */
  private JsonNode inStorageCrs(JsonNode body, String contentCrs) {
    if (contentCrs == null) {
      return body;
    }
    String uri = contentCrs.trim().replaceAll("^<|>$", "");
    OgcCrs crs = ItemsRequest.crs(uri, "Content-Crs");
    if (crs.epsg() == OgcCrs.CRS84.epsg() && !crs.swapped() || !body.isObject()
        || body.get("geometry") == null || body.get("geometry").isNull()) {
      return body;
    }
    Geometry g;
    try {
      g = GeoJsonGeometry.read(body.get("geometry"), Geometries.LONLAT);
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("the feature is not valid", java.util.List.of(
          "geometry: " + e.getMessage()));
    }
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = json.createGenerator(out)) {
      GeoJsonGeometry.write(crs.toStorage(g), gen);
    }
    copy.set("geometry", json.readTree(out.toByteArray()));
    return copy;
  }

  private JsonNode asJson(Feature f) {
    return json.readTree(bytes(f));
  }

  private byte[] bytes(Feature f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(out)) {
      GeoJsonOut.feature(f, OgcCrs.CRS84, null, g);
    }
    return out.toByteArray();
  }

  private ResponseEntity<byte[]> withFeature(ResponseEntity.BodyBuilder b, Feature f) {
    return b.eTag("\"" + f.version() + "\"").contentType(FeaturesController.GEO_JSON)
        .header("Content-Crs", "<" + OgcCrs.CRS84.uri() + ">").body(bytes(f));
  }
}
