package org.jointworks.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
  private final RenderedFeatures rendered;

  FeaturesController(CollectionRegistry registry, ObjectMapper json, RenderedFeatures rendered) {
    this.registry = registry;
    this.json = json;
    this.rendered = rendered;
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
  ResponseEntity<?> items(@PathVariable String id, HttpServletRequest request) {
    Format f = Format.of(request);
    OgcCollection c = registry.get(id);
    ItemsRequest.Parsed parsed = ItemsRequest.parse(c, request.getParameterMap());
    ItemsPage page = c.items(parsed.query());
    List<Map<String, Object>> links = itemsLinks(request, c, page, f == Format.HTML);
    if (f == Format.HTML) {
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
    ByteArrayOutputStream out = new ByteArrayOutputStream(page.features().size() * 512 + 1024);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeNumberProperty("numberMatched", page.numberMatched());
      g.writeNumberProperty("numberReturned", page.features().size());
      g.writeStringProperty("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeName("links");
      g.writePOJO(links);
      g.writeName("features");
      g.writeStartArray();
      if (page.kept() && parsed.crs() == OgcCrs.CRS84 && c.ids() == FeatureIds.NUMERIC) {
        // The same bytes GeoJsonOut writes, kept per snapshot feature (decision 94).
        g.flush();
        for (int i = 0; i < page.features().size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          out.writeBytes(rendered.crs84(page.features().get(i)));
        }
      } else {
        for (Feature feature : page.features()) {
          GeoJsonOut.feature(feature, c.ids(), parsed.crs(), null, g);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return ResponseEntity.ok().contentType(GEO_JSON)
        .header("Content-Crs", "<" + parsed.crs().uri() + ">").body(out.toByteArray());
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

  private static List<Map<String, Object>> itemsLinks(HttpServletRequest request,
      OgcCollection c, ItemsPage page, boolean html) {
    String base = Links.root(request) + "/collections/" + c.id() + "/items";
    Map<String, String> params = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> {
      if (!k.equals("f") && v.length > 0) {
        params.put(k, v[0]);
      }
    });
    String q = Links.query(params);
    List<Map<String, Object>> links = new ArrayList<>(
        Links.selfAndAlternate(q.isEmpty() ? base : base + "?" + q, html, Links.GEOJSON));
    String type = html ? Links.HTML : Links.GEOJSON;
    String fmt = html ? "f=html" : "f=json";
    List<Feature> fs = page.features();
    if (page.hasNext()) {
      Map<String, String> next = new LinkedHashMap<>(params);
      next.remove("before");
      next.put("after", c.ids().of(fs.get(fs.size() - 1)));
      links.add(Links.link(base + "?" + Links.query(next) + "&" + fmt, "next", type, "next page"));
    }
    if (page.hasPrev()) {
      Map<String, String> prev = new LinkedHashMap<>(params);
      prev.remove("after");
      prev.put("before", c.ids().of(fs.get(0)));
      links.add(Links.link(base + "?" + Links.query(prev) + "&" + fmt, "prev", type,
          "previous page"));
    }
    links.add(Links.link(Links.root(request) + "/collections/" + c.id(), "collection",
        Links.JSON, c.title()));
    return links;
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
