package org.jointworks.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.system.ApiException;
import org.jointworks.system.Etags;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The read side of OGC API – Features: landing page, conformance, collections, one collection,
 * its queryables, its items (keyset-paged, filtered) and one item, in JSON or HTML and in any
 * offered CRS. HTTP only: parsing is {@link ItemsRequest}, documents are {@link OgcDocuments}.
 */
@RestController
class FeaturesController {
  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private final CollectionRegistry registry;
  private final ObjectMapper json;
  private final GeoJsonPages pages;

  FeaturesController(CollectionRegistry registry, ObjectMapper json, GeoJsonPages pages) {
    this.registry = registry;
    this.json = json;
    this.pages = pages;
  }

  @GetMapping({"/ogcapi", "/ogcapi/"})
  ResponseEntity<?> landing(HttpServletRequest request) {
    Format f = Format.of(request);
    return document("JointWorks OGC API", OgcDocuments.landing(Links.root(request),
        f == Format.HTML), f, MediaType.APPLICATION_JSON);
  }

  @GetMapping("/ogcapi/conformance")
  ResponseEntity<?> conformance(HttpServletRequest request) {
    Format f = Format.of(request);
    return document("Conformance", OgcDocuments.conformance(Links.root(request),
        f == Format.HTML), f, MediaType.APPLICATION_JSON);
  }

  @GetMapping("/ogcapi/api")
  ResponseEntity<?> api(HttpServletRequest request) {
    Format f = Format.of(request);
    Map<String, Object> doc = OpenApiDocument.build(Links.root(request), registry.visible());
    return document("API definition", doc, f,
        MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0"));
  }

  @GetMapping("/ogcapi/collections")
  ResponseEntity<?> collections(HttpServletRequest request) {
    Format f = Format.of(request);
    return document("Collections", OgcDocuments.collections(Links.root(request),
        registry.visible(), f == Format.HTML), f, MediaType.APPLICATION_JSON);
  }

  @GetMapping("/ogcapi/collections/{id}")
  ResponseEntity<?> collection(@PathVariable String id, HttpServletRequest request) {
    Format f = Format.of(request);
    OgcCollection c = registry.get(id);
    return document(c.title(), OgcDocuments.collection(Links.root(request), c,
        f == Format.HTML, true), f, MediaType.APPLICATION_JSON);
  }

  @GetMapping("/ogcapi/collections/{id}/queryables")
  ResponseEntity<?> queryables(@PathVariable String id, HttpServletRequest request) {
    Format f = Format.of(request);
    OgcCollection c = registry.get(id);
    return document("Queryables of " + c.title(), OgcDocuments.queryables(Links.root(request), c),
        f, MediaType.parseMediaType("application/schema+json"));
  }

  @GetMapping("/ogcapi/collections/{id}/items")
  ResponseEntity<?> items(@PathVariable String id, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    Format f = Format.of(request);
    OgcCollection c = registry.get(id);
    ItemsRequest.Parsed parsed = ItemsRequest.parse(c, request.getParameterMap());
    ItemsPage page = c.items(parsed.query());
    if (f == Format.HTML) {
      List<Map<String, Object>> links = GeoJsonPages.links(request, c, page, true);
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("numberMatched", page.numberMatched());
      doc.put("numberReturned", page.features().size());
      doc.put("links", links);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Feature feature : page.features()) {
        Map<String, Object> row = new LinkedHashMap<>();
        String fid = c.ids().of(feature);
        row.put("id", Links.link(Links.root(request) + "/collections/" + c.id() + "/items/"
            + fid + "?f=html", "item", Links.HTML, fid));
        row.putAll(feature.properties());
        rows.add(row);
      }
      doc.put("features", rows);
      return html(c.title() + " – items", doc);
    }
    pages.write(request, response, c, parsed.crs(), page);
    return null; // written: the same writer answers the anonymous fast path (decision 96)
  }

  @GetMapping("/ogcapi/collections/{id}/items/{featureId}")
  ResponseEntity<?> item(@PathVariable String id, @PathVariable String featureId,
      HttpServletRequest request) {
    Format f = Format.of(request);
    OgcCollection c = registry.get(id);
    OgcCrs crs = ItemsRequest.itemCrs(request.getParameterMap());
    Feature feature = c.item(featureId).orElseThrow(
        () -> ApiException.notFound("feature " + featureId + " of " + c.id()));
    String base = Links.root(request) + "/collections/" + c.id();
    String fid = c.ids().of(feature);
    String href = base + "/items/" + fid + (crs == OgcCrs.CRS84 ? "" : "?crs=" + crs.uri());
    List<Map<String, Object>> links = new ArrayList<>(
        Links.selfAndAlternate(href, f == Format.HTML, Links.GEOJSON));
    links.add(Links.link(base, "collection", Links.JSON, c.title()));
    String etag = Etags.of(feature.version());
    if (f == Format.HTML) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("id", c.ids().value(feature));
      doc.put("version", feature.version());
      doc.putAll(feature.properties());
      doc.put("geometry", feature.geometry() == null ? "none"
          : crs.fromStorage(feature.geometry()).toText());
      doc.put("links", links);
      return ResponseEntity.ok().eTag(etag).contentType(MediaType.TEXT_HTML)
          .body(HtmlView.page(c.title() + " " + fid, doc));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(out)) {
      GeoJsonOut.feature(feature, c.ids(), crs, links, g);
    }
    return ResponseEntity.ok().eTag(etag).contentType(GEO_JSON)
        .header("Content-Crs", "<" + crs.uri() + ">").body(out.toByteArray());
  }

  /** The id of a stored feature (the writable collections'); 404 when it is not a number. */
  static long parseId(String featureId) {
    try {
      return Long.parseLong(featureId);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("feature '" + featureId + "'");
    }
  }

  private ResponseEntity<?> document(String title, Map<String, Object> doc, Format f,
      MediaType jsonType) {
    if (f == Format.HTML) {
      return html(title, doc);
    }
    return ResponseEntity.ok().contentType(jsonType).body(json.writeValueAsBytes(doc));
  }

  private static ResponseEntity<?> html(String title, Object doc) {
    return ResponseEntity.ok().contentType(new MediaType("text", "html",
        java.nio.charset.StandardCharsets.UTF_8)).body(HtmlView.page(title, doc));
  }
}
