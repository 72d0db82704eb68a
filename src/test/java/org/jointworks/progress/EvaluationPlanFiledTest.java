package org.jointworks.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.file;
import static org.jointworks.support.ProgrammeFixtures.project;

import org.jointworks.projects.ProgrammeContext;
import org.jointworks.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The 02-25 filing of the county's annual plan counts in the evaluation (issue 12), inside the
 * reporting component at a share that is a local setting ({@code jointworks.programme.weights
 * .plan-filed}), through HTTP: on time scores 1, late 0.5, not filed 0.
 */
class EvaluationPlanFiledTest extends ProgrammeContext {
  private static JsonNode reporting(JsonNode evaluation, String district) {
    for (JsonNode c : evaluation.get("counties")) {
      if (c.get("district").asString().equals(district)) {
        for (JsonNode x : c.get("components")) {
          if (x.get("name").asString().equals("reporting")) {
            return x;
          }
        }
      }
    }
    throw new AssertionError("no reporting component for " + district);
  }

  @Test
  void thePlanFilingCountsInReportingAtALocalShare() {
    TestClock.set("2023-02-10");
    project(admin, planner, "weihui", 60);
    project(admin, planner, "yanjin", 60);
    project(admin, planner, "muye", 60);
    TestClock.set("2023-02-20");
    file(admin, "weihui");
    TestClock.set("2023-02-27");
    file(admin, "yanjin");
    TestClock.set("2023-07-15");
    JsonNode e = leader.get("/api/progress/evaluation?period=mid&asOf=2023-07-15").json();
    assertThat(e.at("/weights/planFiled").asDouble()).isEqualTo(0.2);
    assertThat(e.at("/sources/planFiledWeight").asString()).isEqualTo("local setting");
    assertThat(e.at("/sources/planFiledScores").asString()).isEqualTo("local setting");
    assertThat(e.at("/sources/planFiledDue").asString()).isEqualTo("plan");
    JsonNode onTime = reporting(e, "weihui");
    JsonNode late = reporting(e, "yanjin");
    JsonNode missing = reporting(e, "muye");
    assertThat(onTime.get("weightSource").asString()).isEqualTo("local setting");
    assertThat(onTime.get("basis").asString()).contains("annual plan filing scores 1.0")
        .contains("filed on time");
    assertThat(late.get("basis").asString()).contains("annual plan filing scores 0.5")
        .contains("filed 2 days late");
    assertThat(missing.get("basis").asString()).contains("annual plan filing scores 0.0")
        .contains("not filed");
    // Not filed: the filing's share is lost (at most 0.8 of the component); on time: it is kept.
    assertThat(missing.get("value").asDouble()).isLessThanOrEqualTo(0.8);
    assertThat(onTime.get("value").asDouble()).isGreaterThanOrEqualTo(0.2);
    assertThat(late.get("value").asDouble()).isGreaterThanOrEqualTo(0.1);
  }
}
