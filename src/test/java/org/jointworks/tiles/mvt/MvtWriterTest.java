package org.jointworks.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Regression: tiles from {@link MvtWriter} decode (with the library's MvtReader) to the same
 * layers, features, geometries and attributes as the library encoder produced before.
 */
class MvtWriterTest {
  private static final GeometryFactory F = Geometries.LONLAT;
  private static final int[] HOLES = new int[1];
  private static final int[] EDGE = new int[1];

  @Test
  void decodesToWhatTheLibraryEncoderProduced() throws IOException {
    List<Feature> areas = new ArrayList<>();
    List<Feature> lines = new ArrayList<>();
    List<Feature> points = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 40; j++) {
        double lon = 113.80 + i * 0.0023;
        double lat = 35.26 + j * 0.0019;
        Map<String, Object> props = Map.of("name", "C" + (id % 7), "households", id % 5,
            "share", (id % 3) / 4.0, "since", LocalDate.of(2020, 1, 1 + (int) (id % 20)));
        areas.add(new Feature(id++, 1, i % 3 == 0 ? withHole(lon, lat) : wiggly(lon, lat), props));
        lines.add(new Feature(id++, 1, F.createLineString(new Coordinate[] {
            new Coordinate(lon, lat), new Coordinate(lon + 0.001, lat + 0.0002),
            new Coordinate(lon + 0.001, lat + 0.0002), new Coordinate(lon + 0.002, lat + 0.0015)}),
            Map.of("name", "S" + id)));
        points.add(new Feature(id++, 1, F.createPoint(new Coordinate(lon + 0.0005, lat)),
            Map.of("kind", "valve")));
      }
    }
    List<TileEncoder.LayerInput> in = List.of(
        new TileEncoder.LayerInput(MercatorLayer.of("communities", 1, areas), 0, true),
        new TileEncoder.LayerInput(MercatorLayer.of("streets", 1, lines), 0, false),
        new TileEncoder.LayerInput(MercatorLayer.of("facilities", 1, points), 12, true));
    double[] centre = Crs.transform(4490, 3857, 113.846, 35.298);
    int compared = 0;
    for (int z : new int[] {11, 12, 13, 14, 15, 16, 17}) {
      TileCoord t = TileCoord.containing(z, centre[0], centre[1]);
      for (TileCoord c : List.of(t, new TileCoord(z, t.x() + 1, t.y()),
          new TileCoord(z, t.x(), t.y() + 1))) {
        compared += assertSame(c, in);
      }
    }
    assertThat(compared).as("features compared").isGreaterThan(1000);
    assertThat(EDGE[0]).as("clipped features compared").isGreaterThan(100);
    assertThat(compared - EDGE[0]).as("exactly compared").isGreaterThan(1000);
    assertThat(HOLES[0]).as("interior rings written").isGreaterThan(100);
  }

  private static int assertSame(TileCoord c, List<TileEncoder.LayerInput> in) throws IOException {
    JtsMvt expected = TileEncoderTest.decode(LibraryTileEncoder.encode(c, in));
    byte[] ours = TileEncoder.encode(c, in);
    HOLES[0] += assertRingsFollowTheSpec(ours);
    JtsMvt actual = TileEncoderTest.decode(ours);
    assertThat(actual.getLayersByName().keySet()).as(c.toString())
        .isEqualTo(expected.getLayersByName().keySet());
    int n = 0;
    int[] edge = EDGE;
    for (JtsLayer e : expected.getLayers()) {
      JtsLayer a = actual.getLayer(e.getName());
      assertThat(a.getExtent()).isEqualTo(e.getExtent());
      List<Geometry> eg = new ArrayList<>(e.getGeometries());
      List<Geometry> ag = new ArrayList<>(a.getGeometries());
      assertThat(ag).as(c + " " + e.getName()).hasSameSizeAs(eg);
      for (int i = 0; i < eg.size(); i++) {
        Geometry x = eg.get(i);
        Geometry y = ag.get(i);
        assertThat(y.getUserData()).as(c + " tags").isEqualTo(x.getUserData());
        if (touchesClipEdge(x)) {
          // Clipped by box instead of an overlay: a hole cut by the edge may stay a hole touching
          // the shell rather than a notch in it; the covered area and extent are the same.
          assertThat(y.getDimension()).isEqualTo(x.getDimension());
          assertThat(y.getEnvelopeInternal().distance(x.getEnvelopeInternal())).isZero();
          assertThat(Math.abs(y.getEnvelopeInternal().getArea() - x.getEnvelopeInternal().getArea()))
              .as(c + " " + x + " vs " + y).isLessThanOrEqualTo(0.02 * x.getEnvelopeInternal().getArea() + 2);
          assertThat(Math.abs(y.getArea() - x.getArea())).as(c + " " + x + " vs " + y)
              .isLessThanOrEqualTo(0.01 * x.getArea() + 2);
          if (x.getDimension() == 1) {
            assertThat(Math.abs(y.getLength() - x.getLength())).as(c + " " + x + " vs " + y)
                .isLessThanOrEqualTo(0.01 * x.getLength() + 2);
          }
          edge[0]++;
        } else {
          assertThat(y.norm().equalsExact(x.norm())).as(c + " " + x + " vs " + y).isTrue();
        }
        n++;
      }
    }
    return n;
  }

  /**
   * Decoders forgive ring order, so checks the raw commands: every polygon starts with an
   * exterior ring of positive surveyor's area (y down), holes follow with negative area.
   */
  private static boolean touchesClipEdge(Geometry g) {
    Envelope e = g.getEnvelopeInternal();
    int lo = -TileEncoder.BUFFER;
    int hi = TileEncoder.EXTENT + TileEncoder.BUFFER;
    return e.getMinX() <= lo || e.getMinY() <= lo || e.getMaxX() >= hi || e.getMaxY() >= hi;
  }

  private static int assertRingsFollowTheSpec(byte[] mvt) throws IOException {
    int holes = 0;
    for (VectorTile.Tile.Layer l : VectorTile.Tile.parseFrom(mvt).getLayersList()) {
      for (VectorTile.Tile.Feature f : l.getFeaturesList()) {
        if (f.getType() != VectorTile.Tile.GeomType.POLYGON) {
          continue;
        }
        List<Integer> g = f.getGeometryList();
        int x = 0;
        int y = 0;
        boolean first = true;
        List<long[]> ring = new ArrayList<>();
        for (int i = 0; i < g.size(); ) {
          int cmd = g.get(i) & 7;
          int count = g.get(i++) >>> 3;
          if (cmd == 7) {
            long area2 = 0;
            for (int a = 0, b = ring.size() - 1; a < ring.size(); b = a++) {
              area2 += ring.get(b)[0] * ring.get(a)[1] - ring.get(a)[0] * ring.get(b)[1];
            }
            assertThat(area2).as("ring area").isNotZero();
            if (first) {
              assertThat(area2).as("first ring is exterior").isPositive();
            }
            holes += area2 < 0 ? 1 : 0;
            first = false;
            ring.clear();
            continue;
          }
          for (int k = 0; k < count; k++) {
            x += (g.get(i) >>> 1) ^ -(g.get(i) & 1);
            y += (g.get(i + 1) >>> 1) ^ -(g.get(i + 1) & 1);
            i += 2;
            ring.add(new long[] {x, y});
          }
        }
      }
    }
    return holes;
  }

  private static Polygon withHole(double lon, double lat) {
    return F.createPolygon(F.createLinearRing(square(lon, lat, 0.0015)),
        new org.locationtech.jts.geom.LinearRing[] {F.createLinearRing(reversed(
            square(lon + 0.0004, lat + 0.0004, 0.0005)))});
  }

  /** A clockwise (in lon/lat) polygon with a repeated vertex and many points to simplify. */
  private static Polygon wiggly(double lon, double lat) {
    List<Coordinate> cs = new ArrayList<>();
    for (int k = 0; k <= 20; k++) {
      cs.add(new Coordinate(lon + k * 0.0001, lat + (k % 2) * 0.00002));
    }
    cs.add(new Coordinate(lon + 0.002, lat + 0.0001));
    cs.add(new Coordinate(lon + 0.002, lat + 0.0001));
    cs.add(new Coordinate(lon + 0.002, lat + 0.0016));
    cs.add(new Coordinate(lon, lat + 0.0016));
    cs.add(new Coordinate(lon, lat));
    return F.createPolygon(reversed(cs.toArray(new Coordinate[0])));
  }

  private static Coordinate[] square(double lon, double lat, double size) {
    return new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + size, lat),
        new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size),
        new Coordinate(lon, lat)};
  }

  private static Coordinate[] reversed(Coordinate[] cs) {
    Coordinate[] r = new Coordinate[cs.length];
    for (int i = 0; i < cs.length; i++) {
      r[i] = cs[cs.length - 1 - i];
    }
    return r;
  }
}
