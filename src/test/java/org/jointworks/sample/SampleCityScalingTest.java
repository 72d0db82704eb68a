package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureReader;
import org.jointworks.layers.Layer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** The same generator makes benchmark cities: proportional districts, exact requested counts. */
class SampleCityScalingTest {
  @Test
  void aCityOfFiveThousandCommunitiesIsValidAndHasTheRequestedCounts() throws IOException {
    SampleCity city = SampleCity.generate(CityOptions.scaled(5000, 15_000));
    assertThat(city.communities()).hasSize(5000);
    assertThat(city.pipelines()).hasSize(15_000);
    assertThat(city.works()).hasSize(3250);
    Set<String> districts = Fixtures.codes("districts.csv");
    Set<String> organisations = Fixtures.codes("organisations.csv");
    for (Layer layer : Layer.values()) {
      FeatureReader reader = new FeatureReader(layer, districts, organisations);
      for (Feature f : city.layer(layer)) {
        assertThat(reader.read(Fixtures.roundTrip(f)).problems()).as(layer.id() + " " + f.id())
            .isEmpty();
      }
    }
  }

  @Test
  void communitiesAreSpreadOverTheDistrictsInProportionToTheTable() throws IOException {
    SampleCity city = SampleCity.generate(CityOptions.scaled(1380, CityOptions.AUTO));
    Map<String, Long> counts = city.communities().stream()
        .collect(Collectors.groupingBy(c -> c.text("district"), Collectors.counting()));
    for (Map<String, String> row : Fixtures.csv("districts.csv")) {
      assertThat(counts.get(row.get("code"))).as(row.get("code"))
          .isEqualTo(Long.parseLong(row.get("target_communities")) * 10);
    }
  }

  @Test
  void largeDistrictsMoveApartInsteadOfOverlapping() {
    SampleCity city = SampleCity.generate(CityOptions.scaled(5000, 0));
    List<Feature> d = city.districts();
    for (int i = 0; i < d.size(); i++) {
      for (int j = i + 1; j < d.size(); j++) {
        assertThat(d.get(i).geometry().intersects(d.get(j).geometry())).isFalse();
      }
    }
    Map<String, Geometry> byCode = new HashMap<>();
    d.forEach(f -> byCode.put(f.text("code"), f.geometry()));
    assertThat(city.communities()).allSatisfy(c ->
        assertThat(byCode.get(c.text("district")).covers(c.geometry())).isTrue());
    assertThat(city.pipelines()).isEmpty();
    // The spiral leaves the real outlines, so all eleven keep their rectangles (decision 82).
    assertThat(d).hasSize(11)
        .allSatisfy(f -> assertThat(f.geometry().getNumPoints()).isEqualTo(5));
  }

  @Test
  void fewerPipelinesThanServiceLinesThinsEvenly() {
    SampleCity city = SampleCity.generate(CityOptions.scaled(2000, 1234));
    assertThat(city.pipelines()).hasSize(1234);
    assertThat(city.pipelines().stream().map(p -> p.text("utility")).distinct()).hasSize(6);
  }

  @Test
  void askingForMoreWorksOrPipelinesLeavesTheCommunitiesAlone() {
    CityOptions base = CityOptions.scaled(1000, CityOptions.AUTO);
    SampleCity a = SampleCity.generate(base);
    SampleCity b = SampleCity.generate(base.withWorks(2000).withPipelines(50_000));
    assertThat(b.communities()).isEqualTo(a.communities());
    assertThat(b.works()).hasSize(2000);
    assertThat(b.pipelines()).hasSize(50_000);
  }

  @Test
  void askingForTheTablesOwn138CommunitiesGivesThePlansCity() {
    assertThat(SampleCity.generate(CityOptions.plan().withCommunities(138)).communities())
        .isEqualTo(Fixtures.plan().communities());
  }

  @Test
  void anotherSeedGivesAnotherCity() {
    SampleCity a = SampleCity.generate(CityOptions.plan());
    SampleCity b = SampleCity.generate(CityOptions.plan().withSeed(1));
    assertThat(b.communities()).hasSameSizeAs(a.communities()).isNotEqualTo(a.communities());
  }

  @Test
  void aCityWithFewerCommunitiesThanDistrictsStillHasElevenDistricts() {
    SampleCity city = SampleCity.generate(CityOptions.scaled(3, CityOptions.AUTO));
    assertThat(city.communities()).hasSize(3);
    assertThat(city.districts()).hasSize(11);
  }
}
