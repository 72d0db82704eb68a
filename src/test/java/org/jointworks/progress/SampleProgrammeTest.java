package org.jointworks.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sample programme's loader on a small city of its own (two communities per county, three in
 * Yanjin): a project per community with a mid-2023 history, the one adjustment, late and missing
 * reports, inspections; loading again changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleProgrammeTest {
  private static final String[] DISTRICTS = {"weibin", "hongqi", "muye", "fengquan", "gaoxin",
      "huixian", "weihui", "yuanyang", "yanjin", "fengqiu", "changyuan"};
  @LocalServerPort
  int port;
  @Autowired
  SampleProgramme sample;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void loadsAPlausibleMidYearProgrammeOnce() {
    Http admin = Http.anonymous(port).as("admin");
    Http leader = Http.anonymous(port).as("leader");
    List<String> features = new ArrayList<>();
    int n = 0;
    for (String d : DISTRICTS) {
      for (int i = 0; i < (d.equals("yanjin") ? 3 : 2); i++, n++) {
        features.add(Fixtures.community(d + "小区" + i, d, 113.7 + n * 0.004, 35.2, 0.002,
            40 + (n * 37) % 300));
      }
    }
    Http.Response imported = admin.post("/api/import/communities",
        Fixtures.collection(features.toArray(String[]::new)));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    sample.loadOnce();

    JsonNode projects = leader.get("/api/projects").json();
    assertThat(projects.size()).isEqualTo(n + 1);
    long withdrawn = 0;
    long belowGate = 0;
    long started = 0;
    for (JsonNode p : projects) {
      withdrawn += p.get("inPlan").asBoolean() ? 0 : 1;
      belowGate += p.get("consentMet").asBoolean() ? 0 : 1;
      started += p.get("transitions").toString().contains("\"to\":\"started\"") ? 1 : 0;
    }
    assertThat(withdrawn).isEqualTo(1);
    assertThat(belowGate).isGreaterThanOrEqualTo(1);
    assertThat(started).isGreaterThan(n / 2);
    JsonNode adjustments = leader.get("/api/adjustments").json();
    assertThat(adjustments.size()).isEqualTo(1);
    assertThat(adjustments.get(0).get("district").asString()).isEqualTo("yanjin");

    JsonNode months = leader.get("/api/reports/timeliness?asOf=2023-07-15").json();
    assertThat(months.get("huixian").get(4).get("state").asString()).isEqualTo("missing");
    assertThat(months.get("muye").get(2).get("corrections").asInt()).isEqualTo(1);
    assertThat(months.get("yuanyang").get(4).get("state").asString()).isEqualTo("unapproved");
    assertThat(months.toString()).contains("\"state\":\"late\"");
    String inspections = leader.get("/api/inspections").body();
    assertThat(inspections).contains("self_assessment").contains("complaint")
        .contains("spot_check");

    JsonNode overdue = leader.get("/api/progress/overdue?asOf=2023-07-15").json();
    assertThat(overdue.get("projects").size()).isGreaterThanOrEqualTo(1);
    assertThat(leader.get("/api/progress/evaluation?period=mid").json().get("counties").size())
        .isEqualTo(11);

    sample.loadOnce();
    assertThat(leader.get("/api/projects").json().size()).isEqualTo(n + 1);
  }
}
