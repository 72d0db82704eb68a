package org.jointworks.ogcapi;

import java.util.List;

/**
 * The conformance classes this service declares: only what is implemented and tested. Features
 * Part 1 (core, OpenAPI 3.0, GeoJSON, HTML), Part 2 (CRS by reference), Part 3's queryables with
 * query parameters, Part 4 (create/replace/delete and update), and OGC API – Tiles with the
 * Mapbox Vector Tile encoding, the WebMercatorQuad tile matrix set and the OpenAPI 3.0 document
 * with the tiles operation ids of OGC 20-057 Table 11 ({@link OpenApiTiles}).
 */
final class Conformance {
  static final String F1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
  static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";

  static final List<String> CLASSES = List.of(
      F1 + "core", F1 + "oas30", F1 + "geojson", F1 + "html",
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
      TILES + "core", TILES + "tileset", TILES + "tilesets-list", TILES + "geodata-tilesets",
      TILES + "dataset-tilesets", TILES + "mvt", TILES + "oas30",
      "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
      "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

  private Conformance() {}
}
