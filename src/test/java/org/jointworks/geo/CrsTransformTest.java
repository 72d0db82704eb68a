package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jointworks.support.PostgisDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The transforms agree with PostGIS's ST_Transform to 1 cm, and invert themselves. */
class CrsTransformTest {
  /** Reference points: county seats of Xinxiang and the edges of the 3-degree zone. */
  private static final double[][] POINTS = {
      {113.926, 35.303}, {113.855, 35.305}, {114.669, 35.201}, {113.805, 35.462},
      {114.419, 35.041}, {112.6, 34.5}, {115.4, 36.2}, {114.0, 35.0}};

  @ParameterizedTest
  @CsvSource({"4547", "3857"})
  void transformsInvertToAMicroDegree(int metric) {
    for (double[] p : POINTS) {
      double[] m = Crs.transform(Crs.LONLAT, metric, p[0], p[1]);
      double[] back = Crs.transform(metric, Crs.LONLAT, m[0], m[1]);
      assertThat(back[0]).isCloseTo(p[0], within(1e-9));
      assertThat(back[1]).isCloseTo(p[1], within(1e-9));
    }
  }

  @Test
  void theCentralMeridianMapsToTheFalseEasting() {
    double[] m = Crs.transform(Crs.LONLAT, Crs.GK_114E, 114.0, 35.0);
    assertThat(m[0]).as("x is the easting").isCloseTo(500_000.0, within(1e-6));
    assertThat(m[1]).as("y is the northing").isBetween(3_870_000.0, 3_880_000.0);
  }

  @Test
  void geometriesTransformEveryVertexAndCarryTheTargetSrid() {
    Geometry line = Geometries.LONLAT.createLineString(new Coordinate[] {
        new Coordinate(113.9, 35.3), new Coordinate(113.91, 35.31)});
    Geometry metric = Crs.transform(line, Crs.LONLAT, Crs.GK_114E);
    assertThat(metric.getSRID()).isEqualTo(Crs.GK_114E);
    assertThat(metric.getLength()).as("about 1.43 km").isBetween(1_400.0, 1_460.0);
    assertThat(line.getCoordinates()[0].x).as("the input is untouched").isEqualTo(113.9);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
  void agreesWithPostgisStTransformToOneCentimetre() throws Exception {
    try (Connection c = DriverManager.getConnection(PostgisDatabase.url());
        PreparedStatement s = c.prepareStatement("SELECT ST_X(t), ST_Y(t) FROM (SELECT"
            + " ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4490), ?) AS t) q")) {
      for (int target : new int[] {Crs.GK_114E, Crs.WEB_MERCATOR}) {
        for (double[] p : POINTS) {
          s.setDouble(1, p[0]);
          s.setDouble(2, p[1]);
          s.setInt(3, target);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            double[] ours = Crs.transform(Crs.LONLAT, target, p[0], p[1]);
            assertThat(ours[0]).as("x of %s in %d", p, target).isCloseTo(rs.getDouble(1), within(0.01));
            assertThat(ours[1]).as("y of %s in %d", p, target).isCloseTo(rs.getDouble(2), within(0.01));
          }
        }
      }
    }
  }
}
