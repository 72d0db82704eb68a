package org.jointworks.tiles;

import java.util.ArrayList;
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
 */
final class TileDocuments {
  static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  static final String MVT = "application/vnd.mapbox-vector-tile";

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
    d.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
    d.put("orderedAxes", List.of("E", "N"));
    d.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    List<Map<String, Object>> matrices = new ArrayList<>();
    for (int z = 0; z <= TileSets.MAX_ZOOM; z++) {
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
  static Map<String, Object> tilesets(String tilesBase, String title) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("title", title);
    t.put("dataType", "vector");
    t.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
    t.put("tileMatrixSetURI", TMS_URI);
    t.put("links", List.of(
        Links.link(tilesBase + "/WebMercatorQuad", "self", Links.JSON, title),
        Links.link(tilesBase + "/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}",
            "item", MVT, "a tile")));
    return Map.of("links", List.of(Links.link(tilesBase, "self", Links.JSON, title)),
        "tilesets", List.of(t));
  }

  static Map<String, Object> tileset(String root, String tilesBase, String title,
      List<Layer> layers) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", title);
    d.put("dataType", "vector");
    d.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
    d.put("tileMatrixSetURI", TMS_URI);
    List<Map<String, Object>> limits = new ArrayList<>();
    d.put("tileMatrixSetLimits", limits);
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
    d.put("links", List.of(
        Links.link(tilesBase + "/WebMercatorQuad", "self", Links.JSON, title),
        Links.link(root + "/tileMatrixSets/WebMercatorQuad",
            "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", Links.JSON, "WebMercatorQuad"),
        Links.link(tilesBase + "/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}", "item", MVT,
            "a tile"),
        Links.link(tilesBase + "/WebMercatorQuad/tilejson.json", "describedby",
            "application/vnd.mapbox.tile+json", "TileJSON")));
    return d;
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
