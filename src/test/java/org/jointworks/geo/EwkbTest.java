package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * {@link Ewkb} writes exactly the bytes JTS's EWKB writer (2D, little-endian, SRID) writes, for
 * every kind of geometry, packed or not (decision 115), and PostGIS and H2GIS read back what
 * JTS reads back.
 */
class EwkbTest {
  private static final WKTReader WKT = new WKTReader(Geometries.LONLAT);

  @Test
  void everyKindIsWrittenAsJtsWritesIt() throws Exception {
    for (String wkt : List.of(
        "POINT (113.9 35.3)",
        "POINT Z (113.9 35.3 12)",
        "POINT EMPTY",
        "LINESTRING (113.9 35.3, 113.91 35.31, 113.92 35.3)",
        "LINESTRING Z (113.9 35.3 1, 113.91 35.31 2)",
        "LINESTRING EMPTY",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2), (6 6, 6 7, 7 7, 6 6))",
        "POLYGON EMPTY",
        "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, "
            + "5.8 5.7, 5.2 5.1)))",
        "MULTIPOLYGON EMPTY",
        "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8, 9 9))",
        "MULTILINESTRING EMPTY",
        "MULTIPOINT ((1 2), (3 4))",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))",
        "POLYGON ((-0.0 0, 1e-300 0, 1e300 5, -180 90, -0.0 0))")) {
      for (int srid : new int[] {Crs.LONLAT, 0, Crs.GK_114E}) {
        Geometry g = WKT.read(wkt);
        g.setSRID(srid);
        assertSame(g);
        assertSame(packed(g));
      }
    }
  }

  @Test
  void randomPolygonsAreWrittenAsJtsWritesThem() {
    Random random = new Random(115);
    GeometryFactory f = Geometries.LONLAT;
    for (int t = 0; t < 2_000; t++) {
      int holes = random.nextInt(3);
      List<LinearRing> rings = new ArrayList<>();
      for (int r = 0; r <= holes; r++) {
        int n = 3 + random.nextInt(40);
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
          c[i] = new Coordinate(113 + random.nextDouble(), 35 + random.nextDouble());
        }
        c[n] = c[0].copy();
        rings.add(f.createLinearRing(c));
      }
      Polygon p = f.createPolygon(rings.get(0), rings.subList(1, rings.size())
          .toArray(LinearRing[]::new));
      assertSame(p);
      assertSame(packed(p));
      assertSame(f.createMultiPolygon(new Polygon[] {p, (Polygon) packed(p)}));
    }
  }

  private static void assertSame(Geometry g) {
    byte[] jts = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(g);
    assertThat(Ewkb.of(g)).as(g.toText()).isEqualTo(jts);
    // Written into a caller's array (a COPY row, decision 116): the same bytes where it can be,
    // and -1 for the kinds only of writes.
    int size = Ewkb.size(g);
    if (size < 0) {
      assertThat(g.isEmpty() || g.getNumGeometries() > 1 && !(g instanceof
          org.locationtech.jts.geom.MultiPolygon) && !(g instanceof
          org.locationtech.jts.geom.MultiLineString)).as(g.toText()).isTrue();
      return;
    }
    byte[] row = new byte[size + 5];
    assertThat(Ewkb.into(g, row, 3)).isEqualTo(size + 3);
    assertThat(java.util.Arrays.copyOfRange(row, 3, size + 3)).as(g.toText()).isEqualTo(jts);
  }

  /** {@code g} with every polygon's rings packed, as an import builds them. */
  private static Geometry packed(Geometry g) {
    Geometry copy = g.copy();
    if (!(copy instanceof Polygon) && !(copy instanceof org.locationtech.jts.geom.MultiPolygon)) {
      return copy;
    }
    List<Polygon> polygons = new ArrayList<>();
    for (int i = 0; i < copy.getNumGeometries(); i++) {
      Polygon p = (Polygon) copy.getGeometryN(i);
      if (p.isEmpty()) {
        return copy;
      }
      LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
      for (int h = 0; h < holes.length; h++) {
        holes[h] = ring(p.getInteriorRingN(h), g.getFactory());
      }
      polygons.add(g.getFactory().createPolygon(ring(p.getExteriorRing(), g.getFactory()), holes));
    }
    Geometry out = copy instanceof Polygon ? polygons.get(0)
        : g.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
    out.setSRID(g.getSRID());
    try {
      // What a store reads back from the packed form is the geometry itself.
      assertThat(new WKBReader(g.getFactory()).read(Ewkb.of(out)).equalsExact(g)).isTrue();
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static LinearRing ring(LinearRing r, GeometryFactory f) {
    double[] xy = new double[2 * r.getNumPoints()];
    for (int i = 0; i < r.getNumPoints(); i++) {
      xy[2 * i] = r.getCoordinateSequence().getX(i);
      xy[2 * i + 1] = r.getCoordinateSequence().getY(i);
    }
    return f.createLinearRing(new PackedXY(xy));
  }
}
