package org.jointworks.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sample programme on the sample city (138 communities), as a leader sees it at 2023-07-15:
 * the summary reproduces the plan's table, and every view has something real to show. Runs when
 * the sample city's files are on the classpath.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIf("sampleCityPresent")
class SampleCityProgrammeTest {
  @LocalServerPort
  int port;
  Http anonymous;
  Http leader;

  static boolean sampleCityPresent() {
    return new ClassPathResource("gis-data/sample/communities.geojson").exists();
  }

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    leader = anonymous.as("leader");
  }

  @Test
  void summaryOnTheSampleCityReproducesThePlansTable() {
    JsonNode s = anonymous.get("/api/progress/summary").json();
    ProgressApiTest.assertTargetsAreThePlansTable(s);
    // One community swapped in Yanjin: still 138 in the plan, a little more of everything else.
    assertThat(s.at("/planned/communities").asLong()).isEqualTo(138);
    assertThat(s.at("/planned/households").asLong()).isGreaterThan(22_149);
    assertThat(s.at("/planned/buildings").asLong()).isEqualTo(621);
    long projects = 0;
    for (JsonNode status : s.get("byStatus")) {
      projects += status.get("communities").asLong();
    }
    assertThat(projects).isEqualTo(138);
    for (JsonNode d : s.get("districts")) {
      if (!d.get("code").asString().equals("yanjin")) {
        assertThat(d.at("/planned/households").asLong()).as(d.get("code").asString())
            .isEqualTo(d.at("/target/households").asLong());
      }
    }
  }

  @Test
  void everyViewHasSomethingToShowAtMidYear() {
    JsonNode overdue = leader.get("/api/progress/overdue?asOf=2023-07-15").json();
    assertThat(overdue.get("projects").size()).isGreaterThan(5);
    JsonNode projects = leader.get("/api/projects").json();
    long belowGate = 0;
    for (JsonNode p : projects) {
      belowGate += p.get("consentMet").asBoolean() ? 0 : 1;
    }
    assertThat(belowGate).isGreaterThanOrEqualTo(2);
    assertThat(leader.get("/api/adjustments").json().size()).isEqualTo(1);
    JsonNode evaluation = leader.get("/api/progress/evaluation?period=mid").json();
    assertThat(evaluation.get("counties").size()).isEqualTo(11);
    assertThat(leader.get("/api/progress/report?asOf=2023-07-15").body()).contains("22,149");
  }
}
