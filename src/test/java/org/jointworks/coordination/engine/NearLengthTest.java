package org.jointworks.coordination.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.jointworks.geo.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.distance.DistanceOp;

class NearLengthTest {
  private static Geometry wkt(String s) throws Exception {
    return new WKTReader(Geometries.METRIC).read(s);
  }

  @Test
  void parallelLinesOverlapByTheirSharedStretch() throws Exception {
    Geometry a = wkt("LINESTRING (0 0, 100 0)");
    Geometry b = wkt("LINESTRING (40 3, 200 3)");
    // b's points within 5 m of a: x from 40 to 100 + sqrt(25 - 9) = 104
    assertThat(NearLength.lengthWithin(b, a, 5)).isCloseTo(64, within(1e-9));
    assertThat(NearLength.lengthWithin(a, b, 5)).isCloseTo(64, within(1e-9));
  }

  @Test
  void perpendicularCrossingCountsTwiceTheBuffer() throws Exception {
    Geometry a = wkt("LINESTRING (0 0, 100 0)");
    Geometry b = wkt("LINESTRING (50 -50, 50 50)");
    assertThat(NearLength.lengthWithin(b, a, 5)).isCloseTo(10, within(1e-9));
  }

  @Test
  void lineThroughAnAreaCountsInsideAndBesideIt() throws Exception {
    Geometry square = wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))");
    Geometry line = wkt("LINESTRING (-50 50, 150 50)");
    assertThat(NearLength.lengthWithin(line, square, 5)).isCloseTo(110, within(1e-9));
  }

  @Test
  void agreesWithFineSubdivisionOnRandomLines() {
    Random random = new Random(7);
    for (int k = 0; k < 100; k++) {
      LineString a = randomLine(random);
      LineString b = randomLine(random);
      double r = 1 + random.nextDouble() * 9;
      double exact = NearLength.lengthWithin(a, b, r);
      assertThat(exact).isCloseTo(sampled(a, b, r), within(0.1));
    }
  }

  private static LineString randomLine(Random random) {
    Coordinate[] cs = new Coordinate[2 + random.nextInt(3)];
    double x = random.nextDouble() * 30;
    double y = random.nextDouble() * 30;
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(x, y);
      x += random.nextGaussian() * 20;
      y += random.nextGaussian() * 20;
    }
    return Geometries.METRIC.createLineString(cs);
  }

  /** Length within r by testing 20,000 sample points per segment. */
  private static double sampled(LineString a, Geometry b, double r) {
    double total = 0;
    Coordinate[] cs = a.getCoordinates();
    int steps = 4_000;
    for (int i = 0; i + 1 < cs.length; i++) {
      double len = cs[i].distance(cs[i + 1]);
      int in = 0;
      for (int s = 0; s < steps; s++) {
        double t = (s + 0.5) / steps;
        Coordinate p = new Coordinate(cs[i].x + t * (cs[i + 1].x - cs[i].x),
            cs[i].y + t * (cs[i + 1].y - cs[i].y));
        if (DistanceOp.distance(Geometries.METRIC.createPoint(p), b) <= r) {
          in++;
        }
      }
      total += len * in / steps;
    }
    return total;
  }
}
