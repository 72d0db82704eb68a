package org.jointworks.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The documents of the OGC API's metadata resources (landing page, conformance, collections,
 * one collection, queryables) as maps, written as JSON or HTML by the controller. Stateless.
 */
final class OgcDocuments {
  private OgcDocuments() {}

  static Map<String, Object> landing(String root, boolean html) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", "JointWorks – old-community renovation and utility works");
    d.put("description", "The layers of JointWorks over OGC API – Features (Parts 1, 2, 4) and"
        + " OGC API – Tiles (Mapbox Vector Tiles, WebMercatorQuad).");
    List<Map<String, Object>> links = new ArrayList<>(
        Links.selfAndAlternate(root, html, Links.JSON));
    links.add(Links.link(root + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0",
        "the API definition (OpenAPI 3.0)"));
    links.add(Links.link(root + "/api?f=html", "service-doc", Links.HTML,
        "the API definition as HTML"));
    links.add(Links.link(root + "/conformance", "conformance", Links.JSON,
        "the conformance classes implemented"));
    links.add(Links.link(root + "/conformance", "http://www.opengis.net/def/rel/ogc/1.0/conformance",
        Links.JSON, "the conformance classes implemented"));
    links.add(Links.link(root + "/collections", "data", Links.JSON, "the collections"));
    links.add(Links.link(root + "/collections", "http://www.opengis.net/def/rel/ogc/1.0/data",
        Links.JSON, "the collections"));
    links.add(Links.link(root + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
        Links.JSON, "vector tiles of all map layers"));
    links.add(Links.link(root + "/tileMatrixSets",
        "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", Links.JSON,
        "the tile matrix sets"));
    d.put("links", links);
    return d;
  }

  static Map<String, Object> conformance(String root, boolean html) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("links", Links.selfAndAlternate(root + "/conformance", html, Links.JSON));
    d.put("conformsTo", Conformance.CLASSES);
    return d;
  }

  static Map<String, Object> collections(String root, List<OgcCollection> visible, boolean html) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("links", Links.selfAndAlternate(root + "/collections", html, Links.JSON));
    List<Map<String, Object>> list = new ArrayList<>();
    for (OgcCollection c : visible) {
      list.add(collection(root, c, false, false));
    }
    d.put("collections", list);
    d.put("crs", OgcCrs.uris());
    return d;
  }

  static Map<String, Object> collection(String root, OgcCollection c, boolean html,
      boolean selfLinks) {
    String base = root + "/collections/" + c.id();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", c.id());
    d.put("title", c.title());
    d.put("description", c.description());
    d.put("itemType", "feature");
    List<Map<String, Object>> links = new ArrayList<>();
    if (selfLinks) {
      links.addAll(Links.selfAndAlternate(base, html, Links.JSON));
    } else {
      links.add(Links.link(base, "self", Links.JSON, c.title()));
    }
    links.add(Links.link(base + "/items?f=json", "items", Links.GEOJSON, "the features as GeoJSON"));
    links.add(Links.link(base + "/items?f=html", "items", Links.HTML, "the features as HTML"));
    links.add(Links.link(base + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
        "application/schema+json", "the properties to filter on"));
    if (c.layer().isPresent()) {
      // The tiles feature serves the stored layers only.
      links.add(Links.link(base + "/tiles",
          "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", Links.JSON,
          "vector tiles of this collection"));
    }
    d.put("links", links);
    Map<String, Object> extent = new LinkedHashMap<>();
    Envelope e = c.extent();
    if (e != null) {
      extent.put("spatial", Map.of(
          "bbox", List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())),
          "crs", OgcCrs.CRS84.uri()));
    }
    String[] dates = c.temporalExtent();
    if (dates != null) {
      List<String> interval = List.of(dates[0] + "T00:00:00Z", dates[1] + "T23:59:59Z");
      extent.put("temporal", Map.of("interval", List.of(interval),
          "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
    }
    if (!extent.isEmpty()) {
      d.put("extent", extent);
    }
    d.put("crs", OgcCrs.uris());
    d.put("storageCrs", OgcCrs.STORAGE.uri());
    return d;
  }

  /** The queryables as a JSON Schema (Part 3). */
  static Map<String, Object> queryables(String root, OgcCollection c) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("geometry", Map.of("$ref", "https://geojson.org/schema/Geometry.json"));
    for (Queryable q : c.queryables()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("title", q.name());
      if (q.description() != null) {
        p.put("description", q.description());
      }
      switch (q.type()) {
        case TEXT -> p.put("type", "string");
        case INTEGER -> p.put("type", "integer");
        case DECIMAL -> p.put("type", "number");
        case DATE -> {
          p.put("type", "string");
          p.put("format", "date");
        }
        default -> throw new IllegalStateException();
      }
      if (!q.allowed().isEmpty()) {
        p.put("enum", q.allowed().stream().sorted().toList());
      }
      props.put(q.name(), p);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    d.put("$id", root + "/collections/" + c.id() + "/queryables");
    d.put("type", "object");
    d.put("title", c.title());
    d.put("properties", props);
    d.put("additionalProperties", false);
    return d;
  }
}
