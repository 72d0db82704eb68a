package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureReader;
import org.jointworks.layers.Layer;
import org.jointworks.layers.Vocabulary;
import org.junit.jupiter.api.Test;

/** Every generated feature passes the import's validation, and the values are plausible. */
class SampleCityValidityTest {
  private final SampleCity city = Fixtures.plan();

  @Test
  void everyFeaturePassesTheImportValidation() throws IOException {
    Set<String> districts = Fixtures.codes("districts.csv");
    Set<String> organisations = Fixtures.codes("organisations.csv");
    for (Layer layer : Layer.values()) {
      FeatureReader reader = new FeatureReader(layer, districts, organisations);
      // Pipe points come from a survey deliverable only (docs/surveys.md), never the sample.
      assertThat(city.layer(layer).isEmpty()).as(layer.id())
          .isEqualTo(layer == Layer.PIPE_POINTS);
      for (Feature f : city.layer(layer)) {
        FeatureReader.Result r = reader.read(Fixtures.roundTrip(f));
        assertThat(r.problems()).as(layer.id() + " " + f.id()).isEmpty();
        assertThat(r.ignoredProperties()).as(layer.id() + " " + f.id()).isEmpty();
        assertThat(r.feature().properties()).as(layer.id() + " " + f.id())
            .isEqualTo(f.properties());
      }
    }
  }

  @Test
  void pipelinesOfAllSixUtilitiesAreOwnedByTheirUtility() {
    assertThat(city.pipelines().stream().map(p -> p.text("utility")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(Vocabulary.UTILITIES);
    assertThat(city.pipelines()).allSatisfy(p -> assertThat(p.text("owner"))
        .isEqualTo(p.text("utility")));
  }

  @Test
  void onlyGasPipelinesHaveAPressureClassAndAllOfThemDo() {
    for (Feature p : city.pipelines()) {
      assertThat(p.get("pressure_class") != null).as("pipeline " + p.id())
          .isEqualTo(p.text("utility").equals("gas"));
    }
  }

  @Test
  void pipelineDepthsFollowTheUtility() {
    Map<String, double[]> depth = Map.of("drainage", new double[] {3.3, 3.9},
        "water_supply", new double[] {1.9, 2.05}, "gas", new double[] {1.0, 1.1},
        "heating", new double[] {2.6, 2.8}, "power", new double[] {1.5, 1.6},
        "telecom", new double[] {0.7, 0.75});
    for (Feature p : city.pipelines()) {
      double[] range = depth.get(p.text("utility"));
      for (String end : List.of("depth_m", "depth_start_m", "depth_end_m")) {
        assertThat((Double) p.get(end)).as("pipeline " + p.id() + " " + end)
            .isBetween(range[0], range[1]);
      }
      boolean cable = p.text("utility").equals("power") || p.text("utility").equals("telecom");
      assertThat(p.text("laying")).isEqualTo(cable ? "duct" : "direct_buried");
    }
  }

  @Test
  void worksFallInTheConstructionSeasonWithAFewCompletedAndOneOrTwoCancelled() {
    assertThat(city.works()).hasSizeBetween(60, 120);
    Map<String, Long> statuses = city.works().stream()
        .collect(Collectors.groupingBy(w -> w.text("status"), Collectors.counting()));
    assertThat(statuses.get("cancelled")).isBetween(1L, 2L);
    assertThat(statuses.get("completed")).isBetween(3L, 15L);
    assertThat(statuses.get("approved") + statuses.get("submitted") + statuses.get("in_progress"))
        .isGreaterThan(city.works().size() * 3L / 4);
    for (Feature w : city.works()) {
      LocalDate start = (LocalDate) w.get("start_date");
      LocalDate end = (LocalDate) w.get("end_date");
      assertThat(end).isAfterOrEqualTo(start);
      assertThat((Double) w.get("trench_width_m")).isBetween(0.6, 1.5);
      if (start.getYear() == 2023) {
        assertThat(start).isAfterOrEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(end).isBeforeOrEqualTo(LocalDate.of(2023, 10, 31));
      }
    }
    assertThat(city.works().stream().map(w -> w.text("kind")).collect(Collectors.toSet()))
        .isEqualTo(Vocabulary.WORK_KINDS);
  }

  @Test
  void facilitiesOfEveryKindExistButNotEveryCommunityHasOne() {
    assertThat(city.facilities()).hasSizeBetween(60, 100);
    assertThat(city.facilities().stream().map(f -> f.text("kind")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("elderly_care", "childcare", "clinic", "kindergarten",
            "community_service", "canteen", "fitness");
    assertThat(city.facilities()).allSatisfy(f -> assertThat(f.text("name")).contains("示例"));
  }

  @Test
  void streetsAreNamedAndTenToFortyMetresWide() {
    for (Feature s : city.streets()) {
      assertThat(s.text("name")).contains("示例");
      assertThat((Double) s.get("width_m")).isBetween(10.0, 40.0);
    }
  }
}
