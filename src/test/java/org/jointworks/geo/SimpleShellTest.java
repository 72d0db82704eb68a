package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * {@link SimpleShell} never calls valid what JTS's {@code IsValidOp} refuses, on hand-made
 * shapes and on random rings built to touch, fold and cross (decision 107); and it decides most
 * simple rings itself, or it would be no shortcut.
 */
class SimpleShellTest {
  private static final WKTReader WKT = new WKTReader(Geometries.LONLAT);

  @Test
  void handMadeShapes() throws Exception {
    assertDecided("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", true);
    assertDecided("POLYGON ((0 0, 10 0, 0 10, 10 10, 0 0))", false); // bow-tie
    assertDecided("POLYGON ((0 0, 10 0, 10 10, 5 10, 5 15, 5 10, 0 10, 0 0))", false); // spike
    assertDecided("POLYGON ((0 0, 10 0, 5 5, 10 10, 0 10, 5 5, 0 0))", false); // self-touch
    assertDecided("POLYGON ((0 0, 10 0, 10 0, 10 10, 0 10, 0 0))", false); // repeated vertex
    assertDecided("POLYGON ((0 0, 5 0, 10 0, 10 10, 0 10, 0 0))", false); // collinear, valid
    assertDecided("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))", false);
    assertDecided("POLYGON ((0 0, 10 0, 0 0, 0 0))", false);
    // A vertex on another edge (not at its ends): a touch JTS refuses.
    assertDecided("POLYGON ((0 0, 10 0, 10 10, 5 0, 0 10, 0 0))", false);
    StringBuilder big = new StringBuilder("POLYGON ((");
    for (int k = 0; k <= SimpleShell.MAX_EDGES + 1; k++) {
      double a = 2 * Math.PI * (k % (SimpleShell.MAX_EDGES + 1)) / (SimpleShell.MAX_EDGES + 1);
      big.append(k == 0 ? "" : ", ").append(Math.cos(a)).append(' ').append(Math.sin(a));
    }
    assertDecided(big.append("))").toString(), false);
  }

  @Test
  void randomRingsNeverPassWhatJtsRefuses() {
    Random random = new Random(107);
    int simple = 0;
    int decided = 0;
    int refusedByJts = 0;
    for (int t = 0; t < 40_000; t++) {
      int n = 3 + random.nextInt(t % 2 == 0 ? 6 : 30);
      Coordinate[] ring = t % 3 == 0 ? star(random, n) : t % 3 == 1 ? grid(random, n)
          : nearlyStar(random, n);
      Polygon p = Geometries.LONLAT.createPolygon(ring);
      boolean jtsValid = new IsValidOp(p).isValid();
      boolean fast = SimpleShell.certainlyValid(p);
      // A packed ring (decision 115) is read in place: the same answer as its array form.
      assertThat(SimpleShell.certainlyValid(packed(ring))).as(p.toText()).isEqualTo(fast);
      if (fast) {
        assertThat(jtsValid).as(p.toText()).isTrue();
      }
      if (!jtsValid) {
        refusedByJts++;
      }
      if (t % 3 == 0 && jtsValid) {
        simple++;
        decided += fast ? 1 : 0;
      }
    }
    assertThat(refusedByJts).as("random rings JTS refused").isGreaterThan(5_000);
    assertThat(decided).as("star rings decided without JTS, of " + simple)
        .isGreaterThan(simple * 9 / 10);
  }

  /** A ring around a centre, vertices in angle order: simple unless two angles coincide. */
  private static Coordinate[] star(Random random, int n) {
    double[] angles = new double[n];
    for (int i = 0; i < n; i++) {
      angles[i] = random.nextDouble() * 2 * Math.PI;
    }
    Arrays.sort(angles);
    Coordinate[] c = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double r = 1e-4 + random.nextDouble() * 1e-3;
      c[i] = new Coordinate(113.9 + r * Math.cos(angles[i]), 35.3 + r * Math.sin(angles[i]));
    }
    c[n] = c[0].copy();
    return c;
  }

  /** A star ring with one vertex moved onto another vertex, an edge or across the ring. */
  private static Coordinate[] nearlyStar(Random random, int n) {
    Coordinate[] c = star(random, Math.max(n, 4));
    int m = c.length - 1;
    int i = random.nextInt(m);
    int j = random.nextInt(m);
    switch (random.nextInt(3)) {
      case 0 -> c[i] = c[j].copy(); // a repeated or touching vertex
      case 1 -> c[i] = new Coordinate((c[j].x + c[(j + 1) % m].x) / 2,
          (c[j].y + c[(j + 1) % m].y) / 2); // onto an edge's midpoint (as floating point allows)
      default -> c[i] = new Coordinate(2 * 113.9 - c[i].x, 2 * 35.3 - c[i].y); // across
    }
    c[m] = c[0].copy();
    return c;
  }

  /** Vertices on a 4 × 4 grid: many collinear edges, touches and overlaps. */
  private static Coordinate[] grid(Random random, int n) {
    Coordinate[] c = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      c[i] = new Coordinate(random.nextInt(4), random.nextInt(4));
    }
    c[n] = c[0].copy();
    return c;
  }

  private static Polygon packed(Coordinate[] ring) {
    double[] xy = new double[2 * ring.length];
    for (int i = 0; i < ring.length; i++) {
      xy[2 * i] = ring[i].x;
      xy[2 * i + 1] = ring[i].y;
    }
    return Geometries.LONLAT.createPolygon(new PackedXY(xy));
  }

  private static void assertDecided(String wkt, boolean expected) throws Exception {
    Polygon p = (Polygon) WKT.read(wkt);
    assertThat(SimpleShell.certainlyValid(p)).as(wkt).isEqualTo(expected);
    if (expected) {
      assertThat(new IsValidOp(p).isValid()).as(wkt).isTrue();
    }
  }
}
