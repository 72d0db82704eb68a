package org.jointworks.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
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
 * merge patch of the GeoJSON feature) and delete, each through the collection's
 * {@link ItemWrites} (for a stored layer {@code LayerService}, for linked areas the linked-area
 * service), which holds validation, the write rules, optimistic locking and the audit. HTTP only:
 * the ETag is the feature's version; PUT, PATCH and DELETE need {@code If-Match} (428 without,
 * 412 when stale). A body in another offered CRS names it with {@code Content-Crs}.
 */
@RestController
class TransactionsController {
  /** Members of a patch that are not foreign members of the feature, merged on their own. */
  private static final Set<String> FEATURE_MEMBERS =
      Set.of("type", "id", "geometry", "properties", "links");

  private final CollectionRegistry registry;
  private final ObjectMapper json;

  TransactionsController(CollectionRegistry registry, ObjectMapper json) {
    this.registry = registry;
    this.json = json;
  }

  @PostMapping(path = "/ogcapi/collections/{id}/items",
      consumes = {"application/geo+json", "application/json"})
  ResponseEntity<byte[]> create(@PathVariable String id, @RequestBody JsonNode body,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      HttpServletRequest request) {
    Feature stored = writable(id).create(inStorageCrs(body, contentCrs));
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
    ItemWrites writes = writable(id);
    long fid = FeaturesController.parseId(featureId);
    Feature stored = writes.replace(fid, expected(ifMatch), inStorageCrs(body, contentCrs));
    return withFeature(ResponseEntity.ok(), stored);
  }

  @PatchMapping(path = "/ogcapi/collections/{id}/items/{featureId}",
      consumes = {"application/merge-patch+json", "application/geo+json", "application/json"})
  ResponseEntity<byte[]> update(@PathVariable String id, @PathVariable String featureId,
      @RequestBody JsonNode patch,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    OgcCollection c = registry.get(id);
    ItemWrites writes = writable(id);
    long fid = FeaturesController.parseId(featureId);
    long version = expected(ifMatch);
    if (!patch.isObject()) {
      throw ApiException.badRequest("a PATCH body is a JSON merge patch object of the feature");
    }
    // The version in If-Match is checked by replace, so a write between this read and the
    // replace is a 412, never a lost update.
    Feature current = c.item(Long.toString(fid)).orElseThrow(
        () -> ApiException.notFound("feature " + fid + " of " + id));
    ObjectNode merged = (ObjectNode) asJson(current);
    // Foreign members (for example a linked area's "allowOverlap") merge as RFC 7396 says.
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (!FEATURE_MEMBERS.contains(e.getKey())) {
        if (e.getValue().isNull()) {
          merged.remove(e.getKey());
        } else {
          merged.set(e.getKey(), e.getValue());
        }
      }
    }
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
    Feature stored = writes.replace(fid, version, merged);
    return withFeature(ResponseEntity.ok(), stored);
  }

  @DeleteMapping("/ogcapi/collections/{id}/items/{featureId}")
  ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String featureId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    writable(id).delete(FeaturesController.parseId(featureId), expected(ifMatch));
    return ResponseEntity.noContent().build();
  }

  /**
   * The collection's writes; 405 for a read-only one (the security rules already refuse writes
   * to it, so this is the second guard).
   */
  private ItemWrites writable(String id) {
    return registry.get(id).writes().orElseThrow(() -> new ApiException(
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
      GeoJsonOut.feature(f, FeatureIds.NUMERIC, OgcCrs.CRS84, null, g);
    }
    return out.toByteArray();
  }

  private ResponseEntity<byte[]> withFeature(ResponseEntity.BodyBuilder b, Feature f) {
    return b.eTag(Etags.of(f.version())).contentType(FeaturesController.GEO_JSON)
        .header("Content-Crs", "<" + OgcCrs.CRS84.uri() + ">").body(bytes(f));
  }
}
