package org.jointworks.adjustments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.file;
import static org.jointworks.support.ProgrammeFixtures.writer;
import static org.jointworks.support.ProgrammeFixtures.community;
import static org.jointworks.support.ProgrammeFixtures.project;
import static org.jointworks.support.ProgrammeFixtures.projectBody;

import java.util.Locale;
import org.jointworks.projects.ProgrammeContext;
import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Adjustments through HTTP: the check metric by metric, the rule "not lower in any", the three
 * departments' filing and the original plan kept. Each test owns a district.
 */
class AdjustmentApiTest extends ProgrammeContext {
  @Autowired
  JdbcTemplate jdbc;

  private static String filing(String filedOn) {
    return String.format(Locale.ROOT, "\"filedOn\":\"%s\",\"reason\":\"居民同意率不足\","
        + "\"countyApprovalRef\":\"县政府同意\",\"housingFilingRef\":\"住建〔2023〕1号\","
        + "\"developmentFilingRef\":\"发改〔2023〕2号\",\"financeFilingRef\":\"财〔2023〕3号\"",
        filedOn);
  }

  private static String newCommunityAdd(String district, long households, double budget) {
    String feature = Fixtures.community("新增小区" + households, district, 114.30, 35.05, 0.001,
        households);
    String project = projectBody(0, budget).replace("\"communityId\":0,", "");
    return "{\"community\":" + feature + ",\"project\":" + project + "}";
  }

  @Test
  void checkComparesEachMetricAndApplyingKeepsTheOriginalPlan() {
    JsonNode a = project(admin, planner, "fengqiu", 100);
    project(admin, planner, "fengqiu", 50);
    // Issue 12: an adjustment changes a filed plan, checked against the plan as filed.
    file(admin, "fengqiu");
    long dropped = a.get("communityId").asLong();
    String body = "{\"district\":\"fengqiu\",\"drop\":[" + dropped + "],\"add\":["
        + newCommunityAdd("fengqiu", 110, 1_200_000) + "]";
    Http.Response check = leader.post("/api/adjustments/check", body + "}");
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    JsonNode c = check.json();
    assertThat(c.get("holds").asBoolean()).isTrue();
    assertThat(c.get("lower").size()).isZero();
    assertThat(c.get("metrics").size()).isEqualTo(5);
    JsonNode households = c.get("metrics").get(2);
    assertThat(households.get("metric").asString()).isEqualTo("households");
    assertThat(households.get("original").asDouble()).isEqualTo(150);
    assertThat(households.get("before").asDouble()).isEqualTo(150);
    assertThat(households.get("after").asDouble()).isEqualTo(160);
    assertThat(c.get("metrics").get(4).get("after").asDouble()).isEqualTo(2_200_000);
    // A check changes nothing.
    assertThat(planner.get("/api/projects/" + a.get("id").asLong()).json().get("inPlan")
        .asBoolean()).isTrue();

    Http.Response filed = officer("fengqiu").post("/api/adjustments", body + ","
        + filing("2023-03-15") + "}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(filed.json().get("status").asString()).isEqualTo("filed");
    assertThat(filed.json().get("addedProjects").size()).isZero();
    // Filing changes nothing: the city office's approval applies it.
    assertThat(planner.get("/api/projects/" + a.get("id").asLong()).json().get("inPlan")
        .asBoolean()).isTrue();
    Http.Response applied = cityOffice.post("/api/adjustments/" + filed.json().get("id").asLong()
        + "/approve", "{}");
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    JsonNode adj = applied.json();
    assertThat(adj.get("status").asString()).isEqualTo("approved");
    assertThat(adj.get("decidedBy").asString()).isEqualTo("city_office");
    assertThat(adj.get("decidedOn").asString()).isEqualTo("2023-03-15");
    assertThat(adj.get("housingFilingRef").asString()).isEqualTo("住建〔2023〕1号");
    assertThat(adj.get("developmentFilingRef").asString()).isEqualTo("发改〔2023〕2号");
    assertThat(adj.get("financeFilingRef").asString()).isEqualTo("财〔2023〕3号");
    assertThat(adj.get("withdrawnProjects").get(0).asLong()).isEqualTo(a.get("id").asLong());
    long added = adj.get("addedProjects").get(0).asLong();
    JsonNode addedProject = planner.get("/api/projects/" + added).json();
    assertThat(addedProject.get("origin").asString()).isEqualTo("adjustment");
    assertThat(addedProject.get("households").asLong()).isEqualTo(110);
    JsonNode withdrawn = planner.get("/api/projects/" + a.get("id").asLong()).json();
    assertThat(withdrawn.get("inPlan").asBoolean()).isFalse();

    JsonNode plans = leader.get("/api/adjustments/plans").json();
    JsonNode fengqiu = null;
    for (JsonNode p : plans) {
      if (p.get("district").asString().equals("fengqiu")) {
        fengqiu = p;
      }
    }
    assertThat(fengqiu.at("/original/households").asLong()).isEqualTo(150);
    assertThat(fengqiu.at("/current/households").asLong()).isEqualTo(160);
    assertThat(leader.get("/api/adjustments").json().size()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'adjustments'",
        Long.class)).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'projects'"
        + " AND action = 'withdraw' AND subject_id = ?", Long.class, a.get("id").asLong()))
        .isEqualTo(1);
    // A withdrawn project does not move any more.
    Http.Response move = writer(planner, "fengqiu").post("/api/projects/" + a.get("id").asLong() + "/transitions",
        "{\"to\":\"scheme_drafted\",\"on\":\"2023-03-16\",\"version\":"
            + withdrawn.get("version").asLong() + "}");
    assertThat(move.status()).isEqualTo(409);
  }

  @Test
  void anAdjustmentThatLowersAMetricIsRefusedNamingIt() {
    JsonNode a = project(admin, planner, "weihui", 100);
    long smaller = community(admin, "weihui", 90);
    file(admin, "weihui");
    String body = "{\"district\":\"weihui\",\"drop\":[" + a.get("communityId").asLong()
        + "],\"add\":[{\"communityId\":" + smaller + ",\"project\":"
        + projectBody(smaller, 900_000) + "}]";
    JsonNode check = writer(planner, "weihui").post("/api/adjustments/check", body + "}").json();
    assertThat(check.get("holds").asBoolean()).isFalse();
    assertThat(check.get("lower").toString()).contains("households").contains("investmentYuan")
        .doesNotContain("buildings");
    Http.Response refused = officer("weihui").post("/api/adjustments", body + "," + filing("2023-03-15")
        + "}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("households")
        .contains("investmentYuan");
    assertThat(refused.json().get("metrics").size()).isEqualTo(5);
    assertThat(planner.get("/api/projects/" + a.get("id").asLong()).json().get("inPlan")
        .asBoolean()).isTrue();
  }

  @Test
  void adjustmentsCloseAfterTheDeadlineAndNeedTheFiling() {
    JsonNode a = project(admin, planner, "changyuan", 10);
    file(admin, "changyuan");
    String body = "{\"district\":\"changyuan\",\"drop\":[" + a.get("communityId").asLong()
        + "],\"add\":[" + newCommunityAdd("changyuan", 20, 2_000_000) + "]";
    Http.Response late = officer("changyuan").post("/api/adjustments", body + "," + filing("2023-04-01")
        + "}");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body()).contains("2023-03-31");
    Http.Response unfiled = officer("changyuan").post("/api/adjustments", body + "}");
    assertThat(unfiled.status()).isEqualTo(422);
    assertThat(unfiled.body()).contains("housingFilingRef").contains("developmentFilingRef")
        .contains("financeFilingRef");
    Http.Response wrongDistrict = writer(planner, "changyuan").post("/api/adjustments/check",
        "{\"district\":\"changyuan\",\"drop\":[" + a.get("communityId").asLong() + "],\"add\":["
            + newCommunityAdd("weibin", 20, 2_000_000) + "]}");
    assertThat(wrongDistrict.status()).isEqualTo(422);
    assertThat(writer(planner, "changyuan").post("/api/adjustments/check", "{\"district\":\"nowhere\"}").status())
        .isEqualTo(422);
  }

  @Test
  void rolesOfTheAdjustmentEndpoints() {
    String body = "{\"district\":\"changyuan\",\"drop\":[],\"add\":[]}";
    assertThat(anonymous.post("/api/adjustments/check", body).status()).isEqualTo(401);
    assertThat(utility.post("/api/adjustments/check", body).status()).isEqualTo(403);
    assertThat(leader.post("/api/adjustments/check", body).status()).isEqualTo(422);
    assertThat(leader.post("/api/adjustments", body).status()).isEqualTo(403);
    assertThat(utility.post("/api/adjustments", body).status()).isEqualTo(403);
    assertThat(cityOffice.post("/api/adjustments", body).status()).isEqualTo(403);
    assertThat(officer("changyuan").post("/api/adjustments", body).status()).isEqualTo(422);
    assertThat(officer("changyuan").post("/api/adjustments/1/approve", "{}").status())
        .isEqualTo(403);
    assertThat(leader.post("/api/adjustments/1/refuse", "{}").status()).isEqualTo(403);
    assertThat(anonymous.post("/api/adjustments/1/approve", "{}").status()).isEqualTo(401);
    assertThat(cityOffice.post("/api/adjustments/999999/approve", "{}").status())
        .isEqualTo(404);
    assertThat(anonymous.get("/api/adjustments").status()).isEqualTo(401);
    assertThat(utility.get("/api/adjustments/plans").status()).isEqualTo(403);
    assertThat(leader.get("/api/adjustments").status()).isEqualTo(200);
  }
}
