package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;

/** The plan's city reproduces the plan's table (gis-data/districts.csv) to the unit. */
class SampleCityTableTest {
  private final SampleCity city = Fixtures.plan();

  @Test
  void has138Communities() {
    assertThat(city.communities()).hasSize(138);
  }

  @Test
  void perDistrictCountsAndSumsEqualTheTableExactly() throws IOException {
    Map<String, long[]> sums = new HashMap<>();
    for (Feature c : city.communities()) {
      long[] s = sums.computeIfAbsent(c.text("district"), k -> new long[4]);
      s[0]++;
      s[1] += (Long) c.get("households");
      s[2] += (Long) c.get("buildings");
      s[3] += Math.round((Double) c.get("floor_area_m2"));
    }
    List<Map<String, String>> table = Fixtures.csv("districts.csv");
    assertThat(sums).hasSize(table.size());
    for (Map<String, String> row : table) {
      assertThat(sums.get(row.get("code"))).as(row.get("code")).containsExactly(
          Long.parseLong(row.get("target_communities")),
          Long.parseLong(row.get("target_households")),
          Long.parseLong(row.get("target_buildings")),
          Math.round(Double.parseDouble(row.get("target_floor_area_m2"))));
    }
  }

  @Test
  void everyCommunityIsPlausiblyOld() {
    for (Feature c : city.communities()) {
      long households = (Long) c.get("households");
      long buildings = (Long) c.get("buildings");
      double floor = (Double) c.get("floor_area_m2");
      assertThat(buildings).as(c.text("name")).isGreaterThanOrEqualTo(1);
      assertThat(households).as(c.text("name")).isGreaterThanOrEqualTo(1);
      assertThat((double) households / buildings).as(c.text("name")).isBetween(4.0, 90.0);
      assertThat(floor / households).as(c.text("name")).isBetween(40.0, 200.0);
      assertThat(floor).isEqualTo(Math.rint(floor));
      assertThat((Long) c.get("build_year")).isBetween(1980L, 2000L);
      assertThat(c.text("name")).contains("示例").startsWith(districtName(c.text("district")));
    }
  }

  @Test
  void communityNamesAreUnique() {
    assertThat(city.communities().stream().map(c -> c.text("name")).distinct().count())
        .isEqualTo(city.communities().size());
  }

  @Test
  void districtsCarryTheirTableRow() throws IOException {
    for (Map<String, String> row : Fixtures.csv("districts.csv")) {
      Feature d = city.districts().stream().filter(f -> row.get("code").equals(f.text("code")))
          .findFirst().orElseThrow();
      assertThat(d.text("name")).isEqualTo(row.get("name"));
      assertThat(d.text("name_en")).isEqualTo(row.get("name_en"));
      assertThat(d.get("target_households")).isEqualTo(Long.parseLong(row.get("target_households")));
      assertThat(d.get("target_floor_area_m2"))
          .isEqualTo(Double.parseDouble(row.get("target_floor_area_m2")));
    }
  }

  private String districtName(String code) {
    return city.districts().stream().filter(d -> code.equals(d.text("code"))).findFirst()
        .orElseThrow().text("name");
  }
}
