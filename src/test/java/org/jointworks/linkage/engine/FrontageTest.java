package org.jointworks.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Frontage lengths against values worked out by hand. */
class FrontageTest {
  private static final WKTReader WKT = new WKTReader();

  static Geometry box(double x0, double y0, double x1, double y1) {
    try {
      return WKT.read(String.format(java.util.Locale.ROOT,
          "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
          x0, y0, x1, y0, x1, y1, x0, y1, x0, y0));
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void facingSquaresAcrossAStreetCountTheFacingEdgeAndTheCornerStretches() {
    Geometry a = box(0, 0, 100, 100);
    Geometry b = box(110, 0, 210, 100);
    // A's right edge (100) and the last 20 m of its top and bottom edges (110 - x <= 30).
    assertThat(Frontage.lengthWithin(a, b, 30, false)).isCloseTo(140, within(1e-9));
    assertThat(Frontage.between(a, b, 30, false)).isCloseTo(140, within(1e-9));
  }

  @Test
  void offsetSquaresMeasureTheCircularStretchAroundTheCorner() {
    Geometry a = box(0, 0, 100, 100);
    Geometry b = box(110, 50, 210, 150);
    double arc = 50 - Math.sqrt(30 * 30 - 10 * 10); // where A's right edge leaves 30 m of B's corner
    double expected = (100 - arc) + 20;
    assertThat(Frontage.lengthWithin(a, b, 30, false)).isCloseTo(expected, within(1e-9));
    assertThat(Frontage.lengthWithin(b, a, 30, false)).isCloseTo(expected, within(1e-9));
    // An 8-segment buffer would miss part of the arc; the answer is exact to the micrometre.
    double buffered = a.getBoundary().intersection(b.buffer(30)).getLength();
    assertThat(Math.abs(buffered - expected)).isGreaterThan(0.01);
  }

  @Test
  void touchingSquaresShareTheirCommonEdge() {
    Geometry a = box(0, 0, 100, 100);
    Geometry b = box(100, 0, 200, 100);
    assertThat(Frontage.between(a, b, 0, true)).isCloseTo(100, within(0.01));
  }

  @Test
  void overlappingSquaresCountTheBoundaryInsideTheOther() {
    Geometry a = box(0, 0, 100, 100);
    Geometry b = box(95, 0, 195, 100);
    assertThat(Frontage.between(a, b, 0, true)).isCloseTo(110, within(0.01));
  }

  @Test
  void boundaryDeepInsideTheOtherCountsAsDistanceZero() {
    Geometry a = box(0, 0, 100, 100);
    Geometry b = box(-50, -50, 50, 150);
    assertThat(Frontage.lengthWithin(a, b, 0.001, true)).isCloseTo(200, within(0.01));
    assertThat(Frontage.between(a, b, 0, true)).isCloseTo(100, within(0.01));
  }

  /** Issue 15: walls crossing at a shallow angle were over-counted by 1 mm / tan θ a side. */
  @Test
  void wallsCrossingAtAShallowAngleCountOnlyTheBoundaryInsideTheOther() {
    Geometry a = box(0, 0, 100, 100);
    // B's left wall leans 0.4 m over 100 m and crosses A's right wall at y = 50.
    Geometry b = geometry("POLYGON((100.2 0, 200 0, 200 100, 99.8 100, 100.2 0))");
    // A: its right wall above y = 50 (inside B) and the 0.2 m of its top wall shared with B's.
    assertThat(Frontage.lengthWithin(a, b, 0, true)).isCloseTo(50.2, within(1e-6));
    double leaning = Math.hypot(0.2, 50);
    assertThat(Frontage.lengthWithin(b, a, 0, true)).isCloseTo(leaning + 0.2, within(1e-6));
    assertThat(Frontage.between(a, b, 0, true)).isCloseTo(50.2, within(1e-6));
    // The old 1 mm capsules counted 0.25 m of A's wall below the crossing (and 1 mm on top).
    assertThat(Frontage.lengthWithin(a, b, Frontage.TOUCH_TOLERANCE_METERS, true))
        .isCloseTo(50.451, within(1e-3));
  }

  @Test
  void overlappingWallsCountTheStretchInsideAndTheSharedStretch() {
    Geometry a = box(0, 0, 100, 100);
    // B overlaps A's right part, shares part of A's bottom wall and crosses its top wall.
    Geometry b = geometry("POLYGON((60 0, 160 0, 160 120, 80 120, 60 0))");
    double expected = bruteForce(a, b, 0);
    assertThat(Frontage.lengthWithin(a, b, 0, true)).isCloseTo(expected, within(0.05));
    assertThat(Frontage.lengthWithin(b, a, 0, true))
        .isCloseTo(bruteForce(b, a, 0), within(0.05));
  }

  @Test
  void touchingAtACornerOnlyHasNoFrontage() {
    assertThat(Frontage.between(box(0, 0, 10, 10), box(10, 10, 20, 20), 0, true)).isZero();
  }

  @Test
  void wallsARoundingApartStillCountAsShared() {
    Geometry a = box(0, 0, 100, 100);
    Geometry b = geometry("POLYGON((100.0000004 0, 200 0, 200 100, 100.0000004 100, "
        + "100.0000004 0))");
    assertThat(Frontage.between(a, b, 0, true)).isCloseTo(100, within(1e-6));
  }

  /** Random walls crossing and overlapping at shallow angles against 1 cm subdivision. */
  @Test
  void randomCrossingAndOverlappingWallsAgreeWithFineSubdivision() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(15);
    for (int k = 0; k < 40; k++) {
      Geometry[] pair = FrontageCases.crossingPair(random);
      for (double r : new double[] {0, 0.5, 10}) {
        assertThat(Frontage.lengthWithin(pair[0], pair[1], r, true)).as(k + " at " + r)
            .isCloseTo(bruteForce(pair[0], pair[1], r), within(0.06));
      }
    }
  }

  @Test
  void farApartSquaresHaveNoFrontage() {
    assertThat(Frontage.between(box(0, 0, 10, 10), box(100, 0, 110, 10), 30, false)).isZero();
  }

  @Test
  void slantedEdgesAgreeWithFineSubdivision() {
    Geometry a = geometry("POLYGON((0 0, 80 -10, 95 60, 30 90, -5 40, 0 0))");
    Geometry b = geometry("POLYGON((112 5, 170 20, 160 90, 104 70, 112 5))");
    double exact = Frontage.lengthWithin(a, b, 25, false);
    assertThat(exact).isCloseTo(bruteForce(a, b, 25), within(0.05));
  }

  /** Length of a's boundary within r of b by 1 cm steps: slow, obviously right. */
  static double bruteForce(Geometry a, Geometry b, double r) {
    var coords = a.getCoordinates();
    double total = 0;
    for (int i = 0; i + 1 < coords.length; i++) {
      double len = coords[i].distance(coords[i + 1]);
      int steps = (int) Math.ceil(len / 0.01);
      for (int s = 0; s < steps; s++) {
        double t = (s + 0.5) / steps;
        var p = a.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(
            coords[i].x + t * (coords[i + 1].x - coords[i].x),
            coords[i].y + t * (coords[i + 1].y - coords[i].y)));
        if (p.distance(b) <= r) {
          total += len / steps;
        }
      }
    }
    return total;
  }

  static Geometry geometry(String wkt) {
    try {
      return WKT.read(wkt);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
