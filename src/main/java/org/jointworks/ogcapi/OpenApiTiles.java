package org.jointworks.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OGC API – Tiles paths of the OpenAPI document: the tile matrix sets, and for all map layers
 * (the dataset) and for each stored layer (a collection) the tilesets list, the WebMercatorQuad
 * tileset, its tiles and its TileJSON — every tiles resource the service links to
 * (/req/oas30/completeness of OGC 20-057).
 *
 * <p>Operation ids end with the suffixes of OGC 20-057 Table 11 (/req/oas30/operation-id), so a
 * client finds the tiles operations by id: the suffix says origin, data type and resource
 * ({@code .dataset.vector.getTile}, {@code .collection.vector.getTileSetsList}), the prefix makes
 * each id unique ({@code tiles} for the dataset, the collection's id for a collection). TileJSON
 * and the tile matrix sets are not in that table and keep plain ids. The tiles metadata is JSON
 * only: it has no HTML form and takes no {@code f}. Stateless.
 */
final class OpenApiTiles {
  private static final String TILE = "/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}";

  private OpenApiTiles() {}

  /** The tile matrix sets and the tiles of all map layers. */
  static void dataset(Map<String, Object> paths) {
    paths.put("/tileMatrixSets", get("tileMatrixSets", "the tile matrix sets", json(),
        List.of()));
    paths.put("/tileMatrixSets/WebMercatorQuad", get("tileMatrixSet_WebMercatorQuad",
        "the WebMercatorQuad tile matrix set (OGC 17-083r4)", json(), List.of()));
    tiles(paths, "", "tiles", ".dataset.vector", "tileJson", "all map layers");
  }

  /** The tiles paths of a stored layer's collection, returned so the caller can mark them. */
  static List<String> collection(Map<String, Object> paths, OgcCollection c) {
    String prefix = OpenApiDocument.idPart(c.id());
    return tiles(paths, "/collections/" + c.id(), prefix, ".collection.vector",
        "tileJson_" + prefix, c.id());
  }

  private static List<String> tiles(Map<String, Object> paths, String base, String prefix,
      String suffix, String tileJsonId, String what) {
    String list = base + "/tiles";
    String set = list + "/WebMercatorQuad";
    paths.put(list, get(prefix + suffix + ".getTileSetsList", "the tilesets of " + what,
        json(), List.of()));
    paths.put(set, get(prefix + suffix + ".getTileSet", "the WebMercatorQuad tileset of " + what,
        json(), List.of()));
    List<Object> params = new ArrayList<>();
    for (String p : List.of("tileMatrix", "tileRow", "tileCol")) {
      params.add(Map.of("name", p, "in", "path", "required", true,
          "schema", Map.of("type", "integer", "minimum", 0)));
    }
    paths.put(list + TILE, get(prefix + suffix + ".getTile", "a vector tile of " + what,
        Map.of("application/vnd.mapbox-vector-tile", Map.of("schema",
            Map.of("type", "string", "format", "binary"))), params));
    paths.put(set + "/tilejson.json", get(tileJsonId, "TileJSON 3.0 of " + what, json(),
        List.of()));
    return List.of(list, set, list + TILE, set + "/tilejson.json");
  }

  private static Map<String, Object> get(String id, String summary, Map<String, Object> content,
      List<Object> parameters) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", id);
    op.put("summary", summary);
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    op.put("responses", Map.of("200", Map.of("description", summary, "content", content),
        "400", Map.of("description", "a bad parameter"),
        "404", Map.of("description", "not found")));
    Map<String, Object> path = new LinkedHashMap<>();
    path.put("get", op);
    return path;
  }

  private static Map<String, Object> json() {
    return Map.of("application/json", Map.of("schema", Map.of("type", "object")));
  }
}
