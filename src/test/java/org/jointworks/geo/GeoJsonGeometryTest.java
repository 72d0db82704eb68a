package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** GeoJSON geometries read and write every type and refuse malformed ones with a reason. */
class GeoJsonGeometryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @ValueSource(strings = {
      "POINT (113.9 35.3)",
      "LINESTRING (113.9 35.3, 113.91 35.31)",
      "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (0.2 0.2, 0.2 0.4, 0.4 0.4, 0.2 0.2))",
      "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
      "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
      "MULTIPOINT ((1 2), (3 4))",
      "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))"})
  void roundTripsEveryGeometryType(String wkt) throws Exception {
    Geometry g = new WKTReader(Geometries.LONLAT).read(wkt);
    StringWriter out = new StringWriter();
    try (var gen = JSON.createGenerator(out)) {
      GeoJsonGeometry.write(g, gen);
    }
    Geometry back = GeoJsonGeometry.read(JSON.readTree(out.toString()), Geometries.LONLAT);
    assertThat(back.norm().toText()).isEqualTo(g.norm().toText());
  }

  @Test
  void refusesMalformedGeometriesWithAReason() {
    assertThatThrownBy(() -> read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}"))
        .hasMessageContaining("at least 4 positions");
    assertThatThrownBy(() -> read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))
        .hasMessageContaining("must end where it starts");
    assertThatThrownBy(() -> read("{\"type\":\"Circle\",\"coordinates\":[0,0]}"))
        .hasMessageContaining("unknown geometry type");
    assertThatThrownBy(() -> read("{\"type\":\"Point\",\"coordinates\":[\"a\",0]}"))
        .hasMessageContaining("two numbers");
    assertThatThrownBy(() -> read("{\"type\":\"LineString\",\"coordinates\":[[0,0]]}"))
        .hasMessageContaining("at least 2 positions");
  }

  @Test
  void problemOfNamesTheRangeAndTheValidityError() throws Exception {
    assertThat(Geometries.problemOf(new WKTReader(Geometries.LONLAT).read("POINT (200 35)")))
        .hasValueSatisfying(p -> assertThat(p).contains("outside the lon/lat range"));
    assertThat(Geometries.problemOf(new WKTReader(Geometries.LONLAT)
        .read("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))")))
        .hasValueSatisfying(p -> assertThat(p).contains("Self-intersection at (0.5, 0.5)"));
    assertThat(Geometries.problemOf(new WKTReader(Geometries.LONLAT).read("POLYGON EMPTY")))
        .hasValue("geometry is empty");
  }

  private static Geometry read(String json) {
    return GeoJsonGeometry.read(JSON.readTree(json), Geometries.LONLAT);
  }
}
