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

/** The shape of a conflict is exactly what its overlap figure measures. */
class ConflictShapeTest {
  private static Geometry wkt(String s) throws Exception {
    return new WKTReader(Geometries.METRIC).read(s);
  }

  private static Geometry normal(Geometry g) {
    Geometry n = g.copy();
    n.normalize();
    return n;
  }

  @Test
  void parallelLinesShareTheStretchOfTheShorterSide() throws Exception {
    Geometry a = wkt("LINESTRING (0 0, 60 0, 100 0)");
    Geometry b = wkt("LINESTRING (40 3, 200 3)");
    // a within 5 m of b: from x = 40 - 4 = 36 to 100, joined across a's vertex at 60.
    assertThat(normal(NearLength.partsWithin(a, b, 5, Geometries.METRIC)).toText())
        .isEqualTo("MULTILINESTRING ((36 0, 60 0, 100 0))");
    Geometry shape = ConflictShape.of(a, b, 5);
    assertThat(shape.getLength()).isCloseTo(64, within(1e-9));
  }

  @Test
  void aLineThroughAnAreaIsCutToTheAreaAndItsBuffer() throws Exception {
    Geometry square = wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))");
    Geometry line = wkt("LINESTRING (-50 50, 150 50)");
    assertThat(normal(ConflictShape.of(square, line, 5)).toText())
        .isEqualTo("MULTILINESTRING ((-5 50, 105 50))");
  }

  @Test
  void twoAreasShareTheirIntersectionOrNothing() throws Exception {
    Geometry a = wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
    Geometry b = wkt("POLYGON ((5 0, 15 0, 15 10, 5 10, 5 0))");
    assertThat(ConflictShape.of(a, b, 5).getArea()).isCloseTo(50, within(1e-9));
    Geometry c = wkt("POLYGON ((12 0, 20 0, 20 10, 12 10, 12 0))");
    assertThat(ConflictShape.of(a, c, 5)).isNull();
  }

  @Test
  void piecesMeasureWhatLengthWithinMeasuresOnRandomLines() {
    Random random = new Random(11);
    for (int k = 0; k < 300; k++) {
      LineString a = randomLine(random);
      LineString b = randomLine(random);
      double r = 1 + random.nextDouble() * 9;
      assertThat(NearLength.partsWithin(a, b, r, Geometries.METRIC).getLength())
          .isCloseTo(NearLength.lengthWithin(a, b, r), within(1e-9));
    }
  }

  private static LineString randomLine(Random random) {
    Coordinate[] cs = new Coordinate[2 + random.nextInt(4)];
    double x = random.nextDouble() * 30;
    double y = random.nextDouble() * 30;
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(x, y);
      x += random.nextDouble() * 20 - 5;
      y += random.nextDouble() * 20 - 10;
    }
    return Geometries.METRIC.createLineString(cs);
  }
}
