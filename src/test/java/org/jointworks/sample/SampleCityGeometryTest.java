package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Where things are: districts apart, communities side by side, works that collide on purpose. */
class SampleCityGeometryTest {
  private final SampleCity city = Fixtures.plan();

  @Test
  void communitiesDoNotOverlapSomeShareAWallAndManyFaceEachOtherAcrossAStreet() {
    List<Geometry> plots = Fixtures.metric(city.communities());
    int sharedWalls = 0;
    int acrossStreet = 0;
    for (int i = 0; i < plots.size(); i++) {
      for (int j = i + 1; j < plots.size(); j++) {
        Geometry a = plots.get(i);
        Geometry b = plots.get(j);
        double distance = a.distance(b);
        if (distance < 1.0) {
          assertThat(a.intersection(b).getArea()).as("overlap of %d and %d", i, j)
              .isLessThan(0.01);
        }
        if (distance == 0.0 && a.intersection(b).getLength() > 10) {
          sharedWalls++;
        } else if (distance >= 9.9 && distance <= 40) {
          acrossStreet++;
        }
      }
    }
    assertThat(sharedWalls).isGreaterThanOrEqualTo(10);
    assertThat(acrossStreet).isGreaterThanOrEqualTo(100);
  }

  @Test
  void plotSizeLooselyFollowsFloorArea() {
    double[] floor = city.communities().stream()
        .mapToDouble(c -> (Double) c.get("floor_area_m2")).toArray();
    double[] plot = Fixtures.metric(city.communities()).stream().mapToDouble(Geometry::getArea)
        .toArray();
    assertThat(correlation(floor, plot)).isGreaterThan(0.25);
  }

  private static double correlation(double[] x, double[] y) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void sharedWallsAreExactlyTheSameEdgeInLonLat() {
    long exact = 0;
    List<Feature> c = city.communities();
    for (int i = 0; i < c.size(); i++) {
      for (int j = i + 1; j < c.size(); j++) {
        if (c.get(i).geometry().distance(c.get(j).geometry()) == 0.0) {
          Geometry wall = c.get(i).geometry().intersection(c.get(j).geometry());
          assertThat(wall.getDimension()).as("contact of %d and %d", i, j).isLessThanOrEqualTo(1);
          exact++;
        }
      }
    }
    assertThat(exact).isGreaterThanOrEqualTo(10);
  }

  @Test
  void districtsDoNotOverlapAndContainTheirCommunities() {
    List<Feature> districts = city.districts();
    for (int i = 0; i < districts.size(); i++) {
      for (int j = i + 1; j < districts.size(); j++) {
        // Real county outlines (decision 82) share their borders; their insides never meet.
        assertThat(districts.get(i).geometry().relate(districts.get(j).geometry(), "T********"))
            .as(districts.get(i).text("code") + " and " + districts.get(j).text("code")).isFalse();
      }
    }
    Map<String, Geometry> byCode = districts.stream()
        .collect(Collectors.toMap(d -> d.text("code"), Feature::geometry));
    for (Feature c : city.communities()) {
      assertThat(byCode.get(c.text("district")).covers(c.geometry())).as(c.text("name")).isTrue();
    }
    Geometry all = city.districts().stream().map(Feature::geometry)
        .reduce(Geometry::union).orElseThrow();
    for (List<Feature> layer : List.of(city.streets(), city.facilities(), city.pipelines(),
        city.works())) {
      assertThat(layer).allSatisfy(f -> assertThat(all.covers(f.geometry())).isTrue());
    }
  }

  @Test
  void districtsSitNearTheirRealSeats() {
    Map<String, double[]> seats = Map.of("weibin", new double[] {113.855, 35.305},
        "hongqi", new double[] {113.905, 35.290}, "muye", new double[] {113.900, 35.330},
        "changyuan", new double[] {114.669, 35.201});
    for (Feature d : city.districts()) {
      double[] seat = seats.get(d.text("code"));
      if (seat != null) {
        // The district is the real county outline (decision 82); its generated town is what
        // sits at the seat: the middle of its communities.
        var centre = city.communities().stream()
            .filter(c -> d.text("code").equals(c.text("district"))).map(Feature::geometry)
            .reduce(Geometry::union).orElseThrow().getEnvelope().getCentroid();
        assertThat(Math.abs(centre.getX() - seat[0])).isLessThan(0.01);
        assertThat(Math.abs(centre.getY() - seat[1])).isLessThan(0.01);
      }
    }
  }

  @Test
  void atLeastThreePairsOfWorksByDifferentUtilitiesCollideInSpaceAndTime() {
    List<Feature> works = city.works();
    List<Geometry> metric = Fixtures.metric(works);
    int conflicts = 0;
    for (int i = 0; i < works.size(); i++) {
      for (int j = i + 1; j < works.size(); j++) {
        Feature a = works.get(i);
        Feature b = works.get(j);
        if (!a.text("utility").equals(b.text("utility")) && overlapInTime(a, b)
            && metric.get(i).distance(metric.get(j)) <= 5.0) {
          conflicts++;
        }
      }
    }
    assertThat(conflicts).isGreaterThanOrEqualTo(3);
  }

  @Test
  void someStretchesDugIn2023AreDugAgainIn2024() {
    Function<Feature, Integer> year = w -> ((LocalDate) w.get("start_date")).getYear();
    List<Feature> works = city.works();
    int redigs = 0;
    for (Feature later : works) {
      if (year.apply(later) != 2024) {
        continue;
      }
      Geometry g = Fixtures.metric(later.geometry());
      redigs += (int) works.stream().filter(w -> year.apply(w) == 2023)
          .filter(w -> Fixtures.metric(w.geometry()).distance(g) <= 10).count();
    }
    assertThat(redigs).isGreaterThanOrEqualTo(2);
  }

  private static boolean overlapInTime(Feature a, Feature b) {
    return !((LocalDate) a.get("end_date")).isBefore((LocalDate) b.get("start_date"))
        && !((LocalDate) b.get("end_date")).isBefore((LocalDate) a.get("start_date"));
  }
}
