package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Vocabulary;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Issue 18 walkthrough: the citizens' list showed "街道未填" and "未说明" for the sample works.
 * Every sample work names the street it is dug in (the street its every vertex lies nearest to; a
 * work that runs over a crossing touches the cross street too), its traffic impact
 * (by kind and street width) and its owner's public hotline, marked as sample data.
 */
class SampleCityWorkDetailsTest {
  private final SampleCity city = Fixtures.plan();

  @Test
  void everyWorkNamesTheNearestStreetItsTrafficImpactAndAContact() {
    List<Geometry> streets = Fixtures.metric(city.streets());
    List<Geometry> works = Fixtures.metric(city.works());
    assertThat(works).isNotEmpty();
    for (int i = 0; i < works.size(); i++) {
      Feature w = city.works().get(i);
      Geometry g = works.get(i);
      int nearest = java.util.stream.IntStream.range(0, streets.size()).boxed()
          .min(Comparator.comparingDouble(k -> farthest(g, streets.get(k)))).orElseThrow();
      assertThat(w.text("street")).as("work %d", w.id())
          .isEqualTo(city.streets().get(nearest).text("name"));
      double width = ((Number) city.streets().get(nearest).get("width_m")).doubleValue();
      assertThat(farthest(g, streets.get(nearest))).as("work %d from its street", w.id())
          .isLessThanOrEqualTo(width / 2 + 1);
      assertThat(w.text("traffic_impact")).isIn(Vocabulary.TRAFFIC_IMPACTS)
          .isEqualTo(WorkDetails.trafficImpact(w.text("kind"), width));
      assertThat(w.text("contact")).as("work %d", w.id()).contains("示例数据")
          .containsPattern("^(12345|95598|10000) ");
    }
  }

  /** How far the work's farthest vertex lies from the street. */
  private static double farthest(Geometry work, Geometry street) {
    double d = 0;
    for (var c : work.getCoordinates()) {
      d = Math.max(d, street.distance(work.getFactory().createPoint(c)));
    }
    return d;
  }

  @Test
  void trafficImpactsFollowKindAndWidthAndAllThreeOccur() {
    assertThat(WorkDetails.trafficImpact("replace", 10)).isEqualTo("full_closure");
    assertThat(WorkDetails.trafficImpact("new", 18.5)).isEqualTo("partial_closure");
    assertThat(WorkDetails.trafficImpact("repair", 18.5)).isEqualTo("none");
    assertThat(WorkDetails.trafficImpact("repair", 9)).isEqualTo("partial_closure");
    Map<String, Long> counts = city.works().stream()
        .collect(Collectors.groupingBy(w -> w.text("traffic_impact"), Collectors.counting()));
    assertThat(counts.keySet()).containsAnyOf("full_closure", "partial_closure");
    assertThat(counts.get("partial_closure")).isPositive();
  }

  @Test
  void eachUtilityHasItsOwnHotline() {
    Map<String, String> byUtility = city.works().stream().collect(Collectors.toMap(
        w -> w.text("utility"), w -> w.text("contact"), (a, b) -> {
          assertThat(a).isEqualTo(b);
          return a;
        }));
    assertThat(byUtility.get("power")).startsWith("95598");
    assertThat(byUtility.get("telecom")).startsWith("10000");
    assertThat(byUtility.get("gas")).startsWith("12345").contains("燃气");
  }
}
