package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * {@link Geometries#expand} takes in exactly the envelope JTS computes, for every kind an import
 * may hold, and adds to what the envelope held before (decision 116).
 */
class GeometriesExpandTest {
  private static final WKTReader WKT = new WKTReader(Geometries.LONLAT);

  @Test
  void everyKindWidensAnEnvelopeAsItsOwnEnvelopeWould() throws Exception {
    for (String wkt : List.of(
        "POINT (113.9 35.3)",
        "POINT EMPTY",
        "LINESTRING (113.9 35.3, 113.91 35.31, 113.92 35.3)",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
        "POLYGON EMPTY",
        "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "MULTILINESTRING ((1 2, 3 4), (-5 6, 7 8, 9 -9))",
        "MULTIPOINT ((1 2), (3 4))",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4), POLYGON ((7 7, 8 7, 8 8, 7 7)))",
        "GEOMETRYCOLLECTION EMPTY")) {
      Geometry g = WKT.read(wkt);
      Envelope fresh = new Envelope();
      Geometries.expand(fresh, g);
      assertThat(fresh).as(wkt).isEqualTo(WKT.read(wkt).getEnvelopeInternal());

      Envelope before = new Envelope(100, 101, -50, -49);
      Geometries.expand(before, g);
      Envelope expected = new Envelope(100, 101, -50, -49);
      expected.expandToInclude(WKT.read(wkt).getEnvelopeInternal());
      assertThat(before).as(wkt).isEqualTo(expected);
    }
  }
}
