package org.jointworks.coordination.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.distance.DistanceOp;

/** Parallel or crossing, and a pipe's depth along its length: the two facts of issue 13's check. */
class PipeGeometryTest {
  private static Geometry wkt(String text) throws Exception {
    return new WKTReader().read(text);
  }

  private static double angle(String a, String b) throws Exception {
    var at = new DistanceOp(wkt(a), wkt(b)).nearestLocations();
    return PipeGeometry.angleDegrees(at[0], at[1]);
  }

  @Test
  void sideBySideIsParallelAndACrossingOrAJunctionIsNot() throws Exception {
    assertThat(angle("LINESTRING (0 0, 100 0)", "LINESTRING (0 0.6, 100 0.6)")).isZero();
    assertThat(angle("LINESTRING (0 0, 100 0)", "LINESTRING (0 2, 100 5)"))
        .isLessThan(PipeGeometry.PARALLEL_MAX_DEGREES);
    assertThat(angle("LINESTRING (0 0, 100 0)", "LINESTRING (50 -10, 50 10)"))
        .isCloseTo(90, within(1e-9));
    // A T-junction: one line ends 1 cm from the other at a right angle.
    assertThat(angle("LINESTRING (0 0, 100 0)", "LINESTRING (50 0.01, 50 30)"))
        .isGreaterThan(PipeGeometry.PARALLEL_MAX_DEGREES);
    assertThat(angle("LINESTRING (0 0, 100 0)", "LINESTRING (40 -10, 60 10)"))
        .isCloseTo(45, within(1e-9));
  }

  @Test
  void depthIsInterpolatedBetweenTheEndsOrTakenWhole() throws Exception {
    Geometry line = wkt("LINESTRING (0 0, 100 0, 100 100)");
    Map<String, Object> p = new HashMap<>();
    p.put("depth_start_m", 1.0);
    p.put("depth_end_m", 3.0);
    Feature ends = new Feature(1, 1, line, p);
    assertThat(PipeGeometry.depthAt(ends, line, new Coordinate(0, 0))).isEqualTo(1.0);
    assertThat(PipeGeometry.depthAt(ends, line, new Coordinate(50, 0))).isCloseTo(1.5, within(1e-9));
    assertThat(PipeGeometry.depthAt(ends, line, new Coordinate(100, 50))).isCloseTo(2.5, within(1e-9));
    assertThat(PipeGeometry.depthAt(ends, line, new Coordinate(100, 100))).isEqualTo(3.0);
    Feature one = new Feature(2, 1, line, Map.of("depth_m", 1.7));
    assertThat(PipeGeometry.depthAt(one, line, new Coordinate(50, 0))).isEqualTo(1.7);
    Feature none = new Feature(3, 1, line, Map.of());
    assertThat(PipeGeometry.depthAt(none, line, new Coordinate(50, 0))).isNull();
  }
}
