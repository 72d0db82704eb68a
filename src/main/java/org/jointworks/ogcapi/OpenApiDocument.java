package org.jointworks.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 definition of the OGC API, built from the registered collections: one path per
 * collection for its items with its queryables as parameters, so generic clients see exactly the
 * filters each collection takes, and only the operations each really serves: writes where the
 * collection takes them ({@link OpenApiWrites}), tiles for the stored layers, 401 and the security
 * scheme where a signed-in user is needed; the tiles paths are {@link OpenApiTiles}'. Stateless.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> build(String root, List<OgcCollection> collections) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("openapi", "3.0.3");
    d.put("info", Map.of("title", "JointWorks OGC API", "version", "1.0.0",
        "description", "OGC API – Features Parts 1, 2, 3 (queryables), 4 and OGC API – Tiles"
            + " over the JointWorks layers.",
        "license", Map.of("name", "Proprietary")));
    d.put("servers", List.of(Map.of("url", root)));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/", get("landing page", "the landing page", json()));
    paths.put("/conformance", get("conformance", "the conformance classes", json()));
    paths.put("/api", get("api", "this API definition", json()));
    paths.put("/collections", get("collections", "the feature collections", json()));
    OpenApiTiles.dataset(paths);
    for (OgcCollection c : collections) {
      String base = "/collections/" + c.id();
      paths.put(base, get("describe " + c.id(), c.title(), json()));
      paths.put(base + "/queryables", get("queryables " + c.id(), "queryables", json()));
      Map<String, Object> items = new LinkedHashMap<>(get("items " + c.id(),
          "features of " + c.title(), geojson()));
      List<Object> params = new ArrayList<>(List.of(
          param("bbox", "array", "minx,miny,maxx,maxy in bbox-crs axis order", true),
          param("bbox-crs", "string", "the CRS of bbox (default CRS84)", false),
          param("limit", "integer", "features per page, 1 to 10000, default 100", false),
          param("datetime", "string", "an instant or interval (RFC 3339)", false),
          param("crs", "string", "the CRS of the answer (default CRS84)", false),
          param("after", c.ids().schema(), "the page after this feature id (from next links)"),
          param("before", c.ids().schema(), "the page before this feature id (from prev links)")));
      for (Queryable q : c.queryables()) {
        params.add(param(q.name(), switch (q.type()) {
          case INTEGER -> "integer";
          case DECIMAL -> "number";
          default -> "string";
        }, q.description() != null ? q.description() : "equal to this value", false));
      }
      ((Map<String, Object>) items.get("get")).put("parameters", params);
      c.writes().ifPresent(w -> items.put("post", OpenApiWrites.create(c, w)));
      paths.put(base + "/items", items);
      Map<String, Object> item = new LinkedHashMap<>(get("item " + c.id(), "one feature",
          geojson()));
      Map<String, Object> fid = Map.of("name", "featureId", "in", "path", "required", true,
          "schema", c.ids().schema());
      ((Map<String, Object>) item.get("get")).put("parameters", List.of(fid,
          param("crs", "string", "the CRS of the answer", false)));
      c.writes().ifPresent(w -> {
        for (String m : List.of("put", "patch", "delete")) {
          item.put(m, OpenApiWrites.change(c, w, m, fid));
        }
      });
      paths.put(base + "/items/{featureId}", item);
      List<String> own = new ArrayList<>(List.of(base, base + "/queryables", base + "/items",
          base + "/items/{featureId}"));
      if (c.layer().isPresent()) {
        // The tiles feature serves the stored layers only.
        own.addAll(OpenApiTiles.collection(paths, c));
      }
      if (!c.publicRead()) {
        for (String p : own) {
          OpenApiWrites.signedInRead((Map<String, Object>) paths.get(p));
        }
      }
    }
    d.put("paths", paths);
    d.put("components", OpenApiWrites.components());
    return d;
  }

  private static Map<String, Object> get(String id, String summary, Map<String, Object> content) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", idPart(id));
    op.put("summary", summary);
    op.put("parameters", List.of(param("f", "string", "json or html", false)));
    op.put("responses", Map.of("200", Map.of("description", summary, "content", content),
        "400", Map.of("description", "a bad parameter"),
        "404", Map.of("description", "not found")));
    Map<String, Object> path = new LinkedHashMap<>();
    path.put("get", op);
    return path;
  }

  /** A name as a part of an operation id: runs of anything but letters and digits become _. */
  static String idPart(String name) {
    return name.replaceAll("[^A-Za-z0-9]+", "_");
  }

  private static Map<String, Object> param(String name, String type, String description,
      boolean array) {
    Map<String, Object> schema = array
        ? Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))
        : name.equals("limit") ? Map.of("type", "integer", "minimum", 1, "maximum", 10000,
            "default", 100)
        : Map.of("type", type);
    return param(name, schema, description);
  }

  private static Map<String, Object> param(String name, Map<String, Object> schema,
      String description) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", "query");
    p.put("required", false);
    p.put("description", description);
    p.put("schema", schema);
    // OGC API - Features defines its query parameters with style form, explode false.
    p.put("style", "form");
    p.put("explode", false);
    return p;
  }

  private static Map<String, Object> json() {
    return Map.of("application/json", Map.of("schema", Map.of("type", "object")),
        "text/html", Map.of("schema", Map.of("type", "string")));
  }

  private static Map<String, Object> geojson() {
    return Map.of("application/geo+json", Map.of("schema", Map.of("type", "object")),
        "text/html", Map.of("schema", Map.of("type", "string")));
  }
}
