package org.jointworks.linkage.engine;

import org.locationtech.jts.geom.Geometry;

/**
 * Generated frontage cases shared by the engine tests and the PostGIS agreement test: random, so
 * that no one data set is tuned to. Stateless.
 */
public final class FrontageCases {
  private FrontageCases() {}

  /**
   * Two blocks whose facing walls are jittered by up to ±{@code 0.6} m at each corner, so they
   * cross each other, overlap or leave a sliver, at angles of a few milliradians.
   */
  public static Geometry[] crossingPair(java.util.SplittableRandom random) {
    double w = 20 + random.nextDouble() * 60;
    double h = 20 + random.nextDouble() * 60;
    double dy = (random.nextDouble() - 0.5) * h;
    double j1 = (random.nextDouble() - 0.5) * 1.2;
    double j2 = (random.nextDouble() - 0.5) * 1.2;
    double j3 = (random.nextDouble() - 0.5) * 1.2;
    double j4 = (random.nextDouble() - 0.5) * 1.2;
    Geometry a = FrontageTest.geometry(String.format(java.util.Locale.ROOT,
        "POLYGON((0 0, %s 0, %s %s, 0 %s, 0 0))", w + j1, w + j2, h, h));
    Geometry b = FrontageTest.geometry(String.format(java.util.Locale.ROOT,
        "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))", w + j3, dy, 2 * w, dy, 2 * w, dy + h,
        w + j4, dy + h, w + j3, dy));
    return new Geometry[] {a, b};
  }
}
