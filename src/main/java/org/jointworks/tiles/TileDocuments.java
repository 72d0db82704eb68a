package org.jointworks.tiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.jointworks.ogcapi.Links;
import org.jointworks.tiles.mvt.TileCoord;

/**
 * The metadata documents of OGC API – Tiles: the WebMercatorQuad tile matrix set (OGC 17-083r4
 * JSON), tileset lists, a tileset's metadata with each layer's zoom range, and TileJSON 3.0 for
 * map clients (MapLibre, Mapbox GL, QGIS). Stateless.
 *
 * <p>A tilesets list element is the tileset's own summary (OGC 20-057
 * /req/tilesets-list/tileset-links: a subset of the tileset metadata), built by the same method
 * as the tileset, so the two never disagree. Both carry the tile matrix set limits: the registered
 * WebMercatorQuad goes to tile matrix 24, we serve 0 to {@link TileSets#MAX_ZOOM}, each whole.
 * The limits are deliberately not the data's extent: a tile outside them must be refused
 * (/req/core/tc-error), and the extent moves with every write while the tile cache and the
 * anonymous fast path know only the tile's coordinates; an empty tile inside them is a blank
 * 200 as that requirement allows. The element also has {@code tileMatrixSetId}, which the
 * standard does not define but OGC's test suite reads (docs/ogcapi.md).
 */
final class TileDocuments {
  static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  static final String TMS_ID = "WebMercatorQuad";
  static final String MVT = "application/vnd.mapbox-vector-tile";
  private static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
  private static final String TILING_SCHEME =
      "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
  /** One whole tile matrix per zoom we serve, worked out once. */
  private static final List<Map<String, Object>> LIMITS = limits();

  private TileDocuments() {}

  static Map<String, Object> tileMatrixSets(String root) {
    return Map.of("tileMatrixSets", List.of(Map.of("id", "WebMercatorQuad",
        "title", "Google Maps Compatible for the World", "uri", TMS_URI,
        "links", List.of(Links.link(root + "/tileMatrixSets/WebMercatorQuad", "self",
            Links.JSON, "WebMercatorQuad")))));
  }

  static Map<String, Object> webMercatorQuad() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", "WebMercatorQuad");
    d.put("title", "Google Maps Compatible for the World");
    d.put("uri", TMS_URI);
    d.put("crs", EPSG_3857);
    d.put("orderedAxes", List.of("E", "N"));
    d.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    List<Map<String, Object>> matrices = new ArrayList<>();
    // All of the registered definition's matrices; the tilesets' limits say where we stop.
    for (int z = 0; z <= TileCoord.MAX_ZOOM; z++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", Integer.toString(z));
      m.put("scaleDenominator", 559082264.0287178 / (1L << z));
      m.put("cellSize", 156543.03392804097 / (1L << z));
      m.put("cornerOfOrigin", "topLeft");
      m.put("pointOfOrigin", List.of(-TileCoord.HALF_WORLD_M, TileCoord.HALF_WORLD_M));
      m.put("tileWidth", 256);
      m.put("tileHeight", 256);
      m.put("matrixWidth", 1L << z);
      m.put("matrixHeight", 1L << z);
      matrices.add(m);
    }
    d.put("tileMatrices", matrices);
    return d;
  }

  /** The tilesets list of a tileset base ({@code .../tiles}). */
  static Map<String, Object> tilesets(String root, String tilesBase, String title) {
    Map<String, Object> t = summary(root, tilesBase, title, List.of());
    // Not in OGC 20-057; the ETS (ets-ogcapi-tiles10 1.2) reads it from each element.
    t.put("tileMatrixSetId", TMS_ID);
    return Map.of("links", List.of(Links.link(tilesBase, "self", Links.JSON, title)),
        "tilesets", List.of(t));
  }

  static Map<String, Object> tileset(String root, String tilesBase, String title,
      List<Layer> layers) {
    Map<String, Object> d = summary(root, tilesBase, title, List.of(
        Links.link(tilesBase + "/WebMercatorQuad/tilejson.json", "describedby",
            "application/vnd.mapbox.tile+json", "TileJSON")));
    List<Map<String, Object>> ls = new ArrayList<>();
    for (Layer l : layers) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", l.id());
      m.put("dataType", "vector");
      m.put("geometryDimension", switch (l.geometryKind()) {
        case POINT -> 0;
        case LINE -> 1;
        default -> 2;
      });
      m.put("minTileMatrix", Integer.toString(TileSets.MIN_ZOOM.get(l)));
      m.put("maxTileMatrix", Integer.toString(TileSets.MAX_ZOOM));
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("id", Map.of("type", "integer"));
      l.fields().forEach(f -> props.put(f.name(), Map.of("type", switch (f.type()) {
        case INTEGER -> "integer";
        case DECIMAL -> "number";
        default -> "string";
      })));
      m.put("propertiesSchema", Map.of("type", "object", "properties", props));
      m.put("links", List.of(Links.link(root + "/collections/" + l.id(),
          "http://www.opengis.net/def/rel/ogc/1.0/geodata", Links.JSON, l.id())));
      ls.add(m);
    }
    d.put("layers", ls);
    return d;
  }

  /**
   * What a tileset and its tilesets list element share: title, data type, CRS, the registered
   * tile matrix set, its limits, and the self, tiling-scheme and templated tile links, then
   * {@code more} links.
   */
  private static Map<String, Object> summary(String root, String tilesBase, String title,
      List<Map<String, Object>> more) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", title);
    d.put("dataType", "vector");
    d.put("crs", EPSG_3857);
    d.put("tileMatrixSetURI", TMS_URI);
    d.put("tileMatrixSetLimits", LIMITS);
    Map<String, Object> item = Links.link(tilesBase + "/WebMercatorQuad/{tileMatrix}/{tileRow}"
        + "/{tileCol}", "item", MVT, "a tile");
    item.put("templated", true); // /req/tileset/description G
    List<Map<String, Object>> links = new ArrayList<>(List.of(
        Links.link(tilesBase + "/WebMercatorQuad", "self", Links.JSON, title),
        Links.link(root + "/tileMatrixSets/WebMercatorQuad", TILING_SCHEME, Links.JSON, TMS_ID),
        item));
    links.addAll(more);
    d.put("links", links);
    return d;
  }

  private static List<Map<String, Object>> limits() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int z = 0; z <= TileSets.MAX_ZOOM; z++) {
      long last = (1L << z) - 1;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tileMatrix", Integer.toString(z));
      m.put("minTileRow", 0);
      m.put("maxTileRow", last);
      m.put("minTileCol", 0);
      m.put("maxTileCol", last);
      out.add(Collections.unmodifiableMap(m));
    }
    return List.copyOf(out);
  }

  static Map<String, Object> tileJson(String tilesBase, String title, List<Layer> layers) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("tilejson", "3.0.0");
    d.put("name", title);
    d.put("scheme", "xyz");
    d.put("tiles", List.of(tilesBase + "/WebMercatorQuad/{z}/{y}/{x}"));
    int min = layers.stream().mapToInt(TileSets.MIN_ZOOM::get).min().orElse(0);
    d.put("minzoom", min);
    d.put("maxzoom", TileSets.MAX_ZOOM);
    d.put("bounds", List.of(113.0, 34.8, 115.0, 35.9));
    d.put("center", List.of(113.9, 35.3, 12));
    List<Map<String, Object>> vl = new ArrayList<>();
    for (Layer l : layers) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("id", "Number");
      l.fields().forEach(f -> fields.put(f.name(), switch (f.type()) {
        case INTEGER, DECIMAL -> "Number";
        default -> "String";
      }));
      vl.add(Map.of("id", l.id(), "minzoom", TileSets.MIN_ZOOM.get(l),
          "maxzoom", TileSets.MAX_ZOOM, "fields", fields));
    }
    d.put("vector_layers", vl);
    return d;
  }
}
