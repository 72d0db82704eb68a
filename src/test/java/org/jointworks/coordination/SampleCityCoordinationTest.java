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

    // The same plan for a stored joint area: a planner saves the district's outline as one.
    String area = "{\"type\":\"Feature\",\"geometry\":" + weibin.get("geometry")
        + ",\"properties\":{\"name\":\"卫滨区统筹片区\"},\"allowOverlap\":true}";
    Http.Response saved = anonymous.as("planner").post("/api/linked-areas", area);
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    String path = "/api/linked-areas/" + saved.json().get("id").asLong() + "/construction-plan";
    assertThat(anonymous.get(path).status()).isEqualTo(401);
    JsonNode stored = anonymous.as("gas").get(path).json();
    assertThat(stored.get("digsAvoided").asInt()).isEqualTo(plan.get("digsAvoided").asInt());
    assertThat(stored.get("excavationsCoordinated").asInt())
        .isEqualTo(plan.get("excavationsCoordinated").asInt());
    assertThat(anonymous.as("gas").get("/api/linked-areas/987654321/construction-plan").status())
        .isEqualTo(404);
  }
}
