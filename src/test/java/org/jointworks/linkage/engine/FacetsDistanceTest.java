package org.jointworks.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jointworks.bench.GridCity;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The rough segment distance only rules pairs out (decision 92): {@link Facets#distance} is, to
 * the last bit, the least of JTS's {@code Distance.segmentToSegment} over every pair of boundary
 * segments (0 when one area holds the other), as it was before the rough test existed. Also the
 * rough figure stays within a few ulps of JTS's, which is what makes ruling out safe.
 */
class FacetsDistanceTest {
  @Test
  void distanceIsTheBruteForceMinimumBitForBit() {
    List<Feature> city = GridCity.communities(400, 11);
    Geometry[] g = city.stream()
        .map(f -> Crs.transform(f.geometry(), Crs.LONLAT, Crs.GK_114E)).toArray(Geometry[]::new);
    Facets[] f = new Facets[g.length];
    for (int i = 0; i < g.length; i++) {
      f[i] = new Facets(g[i]);
    }
    int compared = 0;
    for (int i = 0; i < g.length; i++) {
      for (int j = i + 1; j < g.length; j++) {
        if (g[i].getEnvelopeInternal().distance(g[j].getEnvelopeInternal()) > 60) {
          continue;
        }
        double expected = bruteForce(f[i], f[j]);
        if (expected > 0) {
          assertThat(f[i].distance(f[j])).as("%d-%d", i, j).isEqualTo(expected);
          assertThat(f[j].distance(f[i])).as("%d-%d", j, i).isEqualTo(bruteForce(f[j], f[i]));
          // Within a limit: the same figure when it is within, a figure above it otherwise
          // (decision 97).
          assertThat(f[i].distance(f[j], expected)).isEqualTo(expected);
          assertThat(f[i].distance(f[j], 30)).satisfies(d -> assertThat(
              expected <= 30 ? d == expected : d > 30).isTrue());
          double below = expected * (1 - 1e-9);
          assertThat(f[i].distance(f[j], below)).isGreaterThan(below);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(500);
  }

  @Test
  void roughSegmentDistanceIsWithinAFewUlpsOfJts() {
    Random r = new Random(5);
    for (int n = 0; n < 200_000; n++) {
      double[] c = new double[8];
      for (int k = 0; k < 8; k++) {
        // Metric coordinates of the size GK zones give, segments a few metres to a few hundred.
        c[k] = (k % 2 == 0 ? 38_500_000 : 3_800_000) + r.nextDouble() * (n % 3 == 0 ? 5 : 300);
      }
      if (n % 7 == 0) {
        c[4] = c[2]; // touching at a vertex
        c[5] = c[3];
      }
      double exact = Distance.segmentToSegment(new Coordinate(c[0], c[1]),
          new Coordinate(c[2], c[3]), new Coordinate(c[4], c[5]), new Coordinate(c[6], c[7]));
      double rough = SegmentDistance.rough(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
      assertThat(Math.abs(rough - exact)).isLessThanOrEqualTo(4 * Math.ulp(exact));
      assertThat(rough <= exact * SegmentDistance.SLACK).isTrue();
      // JTS's figure to the bit whenever it is within the bound (decision 97).
      double[] memo = {Double.NaN, Double.NaN, Double.NaN};
      assertThat(SegmentDistance.exact(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
          Double.POSITIVE_INFINITY, memo)).isEqualTo(exact);
      assertThat(SegmentDistance.exact(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], rough,
          memo)).isEqualTo(exact);
    }
  }

  /** The least segment-to-segment distance, every pair tried, the way JTS measures it. */
  private static double bruteForce(Facets a, Facets b) {
    double[] s = a.segments();
    double[] o = b.segments();
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < s.length; i += 4) {
      for (int k = 0; k < o.length; k += 4) {
        best = Math.min(best, Distance.segmentToSegment(new Coordinate(s[i], s[i + 1]),
            new Coordinate(s[i + 2], s[i + 3]), new Coordinate(o[k], o[k + 1]),
            new Coordinate(o[k + 2], o[k + 3])));
      }
    }
    return best;
  }
}
