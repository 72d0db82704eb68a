package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/map/counties} through HTTP: public, the 12 real units and the 高新区 zone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CountiesTest {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @Test
  void anyoneReadsTheCountiesWithNamesAndOnlyTheHighTechZoneIsMarkedApproximate() {
    Http.Response res = Http.anonymous(port).get(CountiesController.PATH);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Content-Type")).startsWith("application/geo+json");
    JsonNode features = res.json().get("features");
    List<String> names = new ArrayList<>();
    List<String> approximate = new ArrayList<>();
    List<String> namesEn = new ArrayList<>();
    features.forEach(f -> {
      names.add(f.get("properties").get("name").asString());
      namesEn.add(f.get("properties").path("name_en").asString(""));
      if (f.get("properties").get("approximate").asBoolean()) {
        approximate.add(f.get("properties").get("code").asString());
      }
    });
    assertThat(names).hasSize(13).contains("卫滨区", "红旗区", "长垣市", "新乡县", "获嘉县", "高新区");
    assertThat(approximate).containsExactly("gaoxin");
    // English names for the map in English (pinyin with the unit's kind).
    assertThat(namesEn).hasSize(13).doesNotContain("").contains("Weibin District",
        "Changyuan City", "Xinxiang County", "High-tech Zone");
    assertThat(res.json().get("accuracy").asString()).contains("1/1024");
  }

  @Test
  void nobodyWritesTheCountiesAnonymously() {
    assertThat(Http.anonymous(port).post(CountiesController.PATH, "{}").status()).isIn(401, 403);
  }
}
