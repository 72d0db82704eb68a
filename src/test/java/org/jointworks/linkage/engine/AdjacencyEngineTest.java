package org.jointworks.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jointworks.bench.GridCity;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.operation.distance.DistanceOp;

/** The indexed, parallel join against a brute-force all-pairs loop over JTS's DistanceOp. */
class AdjacencyEngineTest {
  private static final MetricLayer CITY =
      MetricLayers.build(Layer.COMMUNITIES, 0, Crs.GK_114E, GridCity.communities(900, 3));

  @Test
  void pairsEqualBruteForceDistanceOpInOrder() {
    for (double gap : new double[] {0, 10, 30}) {
      List<AdjacentPair> pairs = AdjacencyEngine.of(CITY).pairs(gap);
      List<long[]> expected = new ArrayList<>();
      List<Double> gaps = new ArrayList<>();
      for (int i = 0; i < CITY.size(); i++) {
        for (int j = i + 1; j < CITY.size(); j++) {
          double d = DistanceOp.distance(CITY.metric().get(i), CITY.metric().get(j));
          if (d <= gap) {
            expected.add(new long[] {CITY.features().get(i).id(), CITY.features().get(j).id()});
            gaps.add(d);
          }
        }
      }
      assertThat(pairs).hasSize(expected.size());
      assertThat(pairs).isSortedAccordingTo(
          Comparator.comparingLong(AdjacentPair::a).thenComparingLong(AdjacentPair::b));
      for (int k = 0; k < pairs.size(); k++) {
        assertThat(new long[] {pairs.get(k).a(), pairs.get(k).b()}).isEqualTo(expected.get(k));
        assertThat(pairs.get(k).gapMeters()).isCloseTo(gaps.get(k), within(1e-9));
      }
    }
  }

  @Test
  void neighboursAreThePairsOfOneCommunityNearestFirst() {
    AdjacencyEngine engine = AdjacencyEngine.of(CITY);
    List<AdjacentPair> all = engine.pairs(30);
    int position = 31 * 15;
    long id = CITY.features().get(position).id();
    List<AdjacentPair> mine = engine.neighbours(position, 30);
    assertThat(mine).containsExactlyInAnyOrderElementsOf(
        all.stream().filter(p -> p.a() == id || p.b() == id).toList());
    assertThat(mine).isSortedAccordingTo(Comparator.comparingDouble(AdjacentPair::gapMeters));
  }

  @Test
  void districtFilterKeepsPairsWithOneMemberInside() {
    AdjacencyEngine engine = AdjacencyEngine.of(CITY);
    List<AdjacentPair> muye = engine.pairs(30,
        i -> "muye".equals(CITY.features().get(i).text("district")));
    assertThat(muye).isNotEmpty().isSubsetOf(engine.pairs(30));
  }
}
