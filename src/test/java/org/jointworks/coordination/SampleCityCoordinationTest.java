package org.jointworks.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The "done when" on the sample city: its 2023 works show real conflicts, and the plan
 * of a district saves digs. Figures are checked loosely (the sample may be regenerated); the
 * README numbers in docs/coordination.md come from the same requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleCityCoordinationTest {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @Test
  void sampleWorksConflictAndTheWeibinPlanAvoidsDigs() throws Exception {
    Http anonymous = Http.anonymous(port);
    JsonNode conflicts = anonymous.get("/api/works/conflicts?from=2023-01-01&to=2023-12-31")
        .json();
    assertThat(conflicts.get("count").asInt()).isPositive();
    assertThat(conflicts.get("conflicts").get(0).get("gapMeters").asDouble())
        .isBetween(0.0, 5.0);

    JsonNode weibin;
    try (InputStream in = new ClassPathResource("gis-data/sample/districts.geojson")
        .getInputStream()) {
      weibin = null;
      for (JsonNode f : Http.JSON.readTree(in).get("features")) {
        if ("weibin".equals(f.at("/properties/code").asString())) {
          weibin = f;
        }
      }
    }
    assertThat(weibin).isNotNull();
    Http.Response r = anonymous.as("planner").post("/api/construction-plan", weibin.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode plan = r.json();
    assertThat(plan.get("digsAvoided").asInt()).isPositive();
    assertThat(plan.get("excavationsCoordinated").asInt())
        .isLessThan(plan.get("excavationsUncoordinated").asInt());
  }
}
