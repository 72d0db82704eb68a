package org.jointworks.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.consent;
import static org.jointworks.support.ProgrammeFixtures.project;
import static org.jointworks.support.ProgrammeFixtures.projectBody;
import static org.jointworks.support.ProgrammeFixtures.step;
import static org.jointworks.support.ProgrammeFixtures.toConsentCollected;

import org.jointworks.support.Http;
import org.jointworks.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, through HTTP: each bypass a new user found is refused with a 4xx and a stable code,
 * or recorded and flagged. Gaoxin's plan is filed here and unfiled after each test, so the other
 * programme tests sharing the context still build plans there.
 */
class RulesWithTeethTest extends ProgrammeContext {
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void unfile() {
    jdbc.update("DELETE FROM county_plan_projects WHERE plan_id IN (SELECT id FROM county_plans"
        + " WHERE district = 'gaoxin')");
    jdbc.update("DELETE FROM county_plans WHERE district = 'gaoxin'");
    TestClock.set("2023-07-15");
  }

  @org.junit.jupiter.api.BeforeEach
  void strictDates() {
    TestClock.follow(false);
  }

  private static String code(Http.Response r) {
    return r.json().get("code").asString();
  }

  @Test
  void datesAreTheServersAndOnlyAnAdminRecordsLateWithAReason() {
    JsonNode p = project(admin, planner, "weibin", 30);
    String path = "/api/projects/" + p.get("id").asLong() + "/transitions";
    TestClock.set("2023-04-10");
    Http.Response early = officer("weibin").post(path,
        "{\"to\":\"scheme_drafted\",\"on\":\"2023-03-01\",\"version\":1}");
    assertThat(early.status()).as(early.body()).isEqualTo(422);
    assertThat(code(early)).isEqualTo("clock.client_date");
    Http.Response noReason = admin.post(path,
        "{\"to\":\"scheme_drafted\",\"on\":\"2023-03-01\",\"version\":1}");
    assertThat(code(noReason)).isEqualTo("clock.client_date");
    Http.Response late = admin.post(path, "{\"to\":\"scheme_drafted\",\"on\":\"2023-03-01\","
        + "\"lateReason\":\"paper form received late from the street office\",\"version\":1}");
    assertThat(late.status()).as(late.body()).isEqualTo(200);
    JsonNode t = late.json().get("transitions").get(1);
    assertThat(t.get("effectiveOn").asString()).isEqualTo("2023-03-01");
    assertThat(t.get("recordedOn").asString()).isEqualTo("2023-04-10");
    assertThat(t.get("lateReason").asString()).contains("paper form");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'projects'"
        + " AND subject_id = ? AND action = 'transition_late'", Long.class,
        p.get("id").asLong())).isEqualTo(1);
    // Recorded after the scheme deadline (03-20): late in the milestones, with both days.
    JsonNode overdue = leader.get("/api/progress/overdue?asOf=2023-04-10&all=true").json();
    for (JsonNode line : overdue.get("projects")) {
      if (line.get("id").asLong() == p.get("id").asLong()) {
        JsonNode m = line.get("milestones").get(0);
        assertThat(m.get("state").asString()).isEqualTo("done_late");
        assertThat(m.get("doneOn").asString()).isEqualTo("2023-03-01");
        assertThat(m.get("recordedOn").asString()).isEqualTo("2023-04-10");
      }
    }
  }

  @Test
  void aCountyOfficerWritesOnlyItsCounty() {
    JsonNode p = project(admin, planner, "weibin", 20);
    long c = p.get("communityId").asLong();
    Http.Response other = officer("hongqi").put("/api/projects/" + p.get("id").asLong(),
        projectBody(c, 2_000_000), "\"1\"");
    assertThat(other.status()).isEqualTo(403);
    assertThat(code(other)).isEqualTo("programme.other_county");
    assertThat(planner.put("/api/projects/" + p.get("id").asLong(), projectBody(c, 2_000_000),
        "\"1\"").status()).isEqualTo(403);
    assertThat(countyLeader("weibin").put("/api/projects/" + p.get("id").asLong(),
        projectBody(c, 2_000_000), "\"1\"").status()).isEqualTo(403);
    assertThat(officer("weibin").put("/api/projects/" + p.get("id").asLong(),
        projectBody(c, 2_000_000), "\"1\"").status()).isEqualTo(200);
  }

  @Test
  void aFiledPlanIsTheBaselineAndChangesOnlyThroughAnAdjustment() {
    TestClock.set("2023-02-10");
    JsonNode a = project(admin, planner, "gaoxin", 40);
    JsonNode b = project(admin, planner, "gaoxin", 50);
    TestClock.set("2023-02-20");
    Http.Response wrong = officer("weibin").post("/api/county-plans", "{\"district\":\"gaoxin\"}");
    assertThat(wrong.status()).isEqualTo(403);
    Http.Response filed = officer("gaoxin").post("/api/county-plans",
        "{\"district\":\"gaoxin\",\"note\":\"2023年度实施计划\",\"reporter\":\"高新区信息员\"}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    JsonNode plan = filed.json();
    assertThat(plan.at("/baseline/communities").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(plan.get("late").asBoolean()).isFalse();
    assertThat(officer("gaoxin").post("/api/county-plans/" + plan.get("id").asLong()
        + "/approval", "{}").status()).isEqualTo(403);
    assertThat(cityOffice.post("/api/county-plans/" + plan.get("id").asLong() + "/approval",
        "{}").status()).isEqualTo(200);

    // The districts row's targets are frozen.
    JsonNode gaoxin = null;
    for (JsonNode f : admin.get("/api/districts").json().get("features")) {
      if (f.at("/properties/code").asString().equals("gaoxin")) {
        gaoxin = f;
      }
    }
    String etag = admin.get("/api/districts/" + gaoxin.get("id").asLong()).header("ETag");
    String raised = gaoxin.toString().replace("\"target_households\":1044",
        "\"target_households\":5000");
    Http.Response target = admin.put("/api/districts/" + gaoxin.get("id").asLong(), raised, etag);
    assertThat(target.status()).as(target.body()).isEqualTo(409);
    assertThat(code(target)).isEqualTo("plan.baseline_frozen");
    assertThat(target.body()).contains("/api/adjustments");
    // Nor by importing the district again (districts are keyed by code and replaced).
    Http.Response imported = admin.post("/api/import/districts",
        "{\"type\":\"FeatureCollection\",\"features\":[" + raised + "]}");
    assertThat(imported.status()).as(imported.body()).isEqualTo(409);
    assertThat(code(imported)).isEqualTo("plan.baseline_frozen");

    // A budget cut by a plain PUT, and a new plan project, are refused.
    long id = a.get("id").asLong();
    Http.Response cut = officer("gaoxin").put("/api/projects/" + id,
        projectBody(a.get("communityId").asLong(), 100_000), "\"1\"");
    assertThat(cut.status()).as(cut.body()).isEqualTo(409);
    assertThat(code(cut)).isEqualTo("plan.baseline_frozen");
    long fresh = org.jointworks.support.ProgrammeFixtures.community(admin, "gaoxin", 10);
    Http.Response added = officer("gaoxin").post("/api/projects", projectBody(fresh, 10_000));
    assertThat(added.status()).isEqualTo(409);
    assertThat(code(added)).isEqualTo("plan.filed");
    // A community with a project is not deleted from the layer.
    String cEtag = admin.get("/api/communities/" + b.get("communityId").asLong()).header("ETag");
    Http.Response gone = admin.delete("/api/communities/" + b.get("communityId").asLong(), cEtag);
    assertThat(gone.status()).isEqualTo(409);

    // Adjustments: checked against the filed baseline; filed by the county (the city office
    // decides), by 03-31 by the server's clock.
    TestClock.set("2023-03-20");
    String drop = "{\"district\":\"gaoxin\",\"drop\":[" + b.get("communityId").asLong() + "],"
        + "\"reason\":\"r\",\"countyApprovalRef\":\"a\",\"housingFilingRef\":\"h\","
        + "\"developmentFilingRef\":\"d\",\"financeFilingRef\":\"f\"}";
    assertThat(cityOffice.post("/api/adjustments", drop).status()).isEqualTo(403);
    assertThat(officer("weibin").post("/api/adjustments", drop).status()).isEqualTo(403);
    Http.Response lower = officer("gaoxin").post("/api/adjustments", drop);
    assertThat(lower.status()).as(lower.body()).isEqualTo(409);
    assertThat(code(lower)).isEqualTo("adjustment.lower_than_filed");
    TestClock.set("2023-07-15");
    Http.Response backdated = officer("gaoxin").post("/api/adjustments",
        drop.replace("{\"district\"", "{\"filedOn\":\"2023-03-25\",\"district\""));
    assertThat(backdated.status()).isEqualTo(422);
    assertThat(code(backdated)).isEqualTo("clock.client_date");
    Http.Response closed = officer("gaoxin").post("/api/adjustments", drop);
    assertThat(closed.status()).isEqualTo(409);
    assertThat(code(closed)).isEqualTo("adjustment.closed");
  }

  @Test
  void consentBindsTheScheme() {
    JsonNode p = toConsentCollected(planner, project(admin, planner, "hongqi", 100), 90, 90);
    assertThat(p.get("consentMet").asBoolean()).isTrue();
    long id = p.get("id").asLong();
    TestClock.set("2023-03-08");
    String onlyGas = projectBody(p.get("communityId").asLong(), 1_000_000)
        .replace(",{\"code\":\"exterior_walls\"},{\"code\":\"lifts\"}", "");
    Http.Response changed = officer("hongqi").put("/api/projects/" + id, onlyGas,
        "\"" + p.get("version").asLong() + "\"");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("status").asString()).isEqualTo("scheme_drafted");
    assertThat(changed.json().get("consentMet").asBoolean()).isFalse();

    JsonNode q = toConsentCollected(planner, project(admin, planner, "hongqi", 100), 90, 90);
    JsonNode started = step(planner, q, "started", "2023-03-10");
    Http.Response cut = officer("hongqi").put("/api/projects/" + q.get("id").asLong(),
        projectBody(q.get("communityId").asLong(), 500_000),
        "\"" + started.get("version").asLong() + "\"");
    assertThat(cut.status()).isEqualTo(409);
    assertThat(code(cut)).isEqualTo("scheme.needs_city_approval");
  }

  @Test
  void reportsAreCheckedAgainstTheRecordsAndOnlyTheCountyLeaderApproves() {
    project(admin, planner, "yuanyang", 10);
    TestClock.set("2023-09-05");
    Http.Response impossible = officer("yuanyang").post("/api/reports", "{\"district\":"
        + "\"yuanyang\",\"period\":\"2023-08\",\"reporter\":\"李敏\",\"projectsStarted\":999,"
        + "\"projectsCompleted\":0,\"householdsCompleted\":0,\"investmentYuan\":0}");
    assertThat(impossible.status()).isEqualTo(422);
    Http.Response backdated = officer("yuanyang").post("/api/reports", "{\"district\":"
        + "\"yuanyang\",\"period\":\"2023-08\",\"submittedOn\":\"2023-09-01\",\"reporter\":"
        + "\"李敏\",\"projectsStarted\":0,\"projectsCompleted\":0,\"householdsCompleted\":0,"
        + "\"investmentYuan\":0}");
    assertThat(code(backdated)).isEqualTo("clock.client_date");
    Http.Response noReporter = officer("yuanyang").post("/api/reports", "{\"district\":"
        + "\"yuanyang\",\"period\":\"2023-08\",\"projectsStarted\":0,\"projectsCompleted\":0,"
        + "\"householdsCompleted\":0,\"investmentYuan\":0}");
    assertThat(noReporter.status()).isEqualTo(422);
    Http.Response sent = officer("yuanyang").post("/api/reports", "{\"district\":\"yuanyang\","
        + "\"period\":\"2023-08\",\"reporter\":\"李敏\",\"projectsStarted\":0,"
        + "\"projectsCompleted\":1,\"householdsCompleted\":0,\"investmentYuan\":0}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    JsonNode r = sent.json();
    assertThat(r.get("reporter").asString()).isEqualTo("李敏");
    String approval = "/api/reports/" + r.get("id").asLong() + "/approval";
    String body = "{\"decision\":\"approved\",\"version\":1}";
    assertThat(leader.post(approval, body).status()).isEqualTo(403);
    assertThat(admin.post(approval, body).status()).isEqualTo(403);
    Http.Response otherLeader = countyLeader("weibin").post(approval, body);
    assertThat(otherLeader.status()).isEqualTo(403);
    assertThat(code(otherLeader)).isEqualTo("programme.other_county");
    assertThat(countyLeader("yuanyang").post(approval, body).status()).isEqualTo(200);
    JsonNode read = leader.get("/api/reports/" + r.get("id").asLong()).json();
    assertThat(read.at("/check/flag").asString()).isNotBlank();
    JsonNode months = leader.get("/api/reports/timeliness?asOf=2023-09-30").json()
        .get("yuanyang");
    JsonNode august = months.get(months.size() - 1);
    assertThat(august.get("period").asString()).isEqualTo("2023-08");
    assertThat(august.get("score").asDouble()).isEqualTo(0.0);
  }

  @Test
  void qualityRecordsOnlyInMatchingStatesAndAcceptanceNeedsEveryFindingClosed() {
    JsonNode p = project(admin, planner, "changyuan", 20);
    long id = p.get("id").asLong();
    String acceptance = "{\"projectId\":" + id + ",\"kind\":\"acceptance\",\"inspector\":\"联合验收\","
        + "\"outcome\":\"passed\"}";
    Http.Response early = officer("changyuan").post("/api/inspections", acceptance);
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(code(early)).isEqualTo("quality.wrong_state");
    Http.Response warranty = officer("changyuan").post("/api/inspections", "{\"projectId\":" + id
        + ",\"kind\":\"warranty_visit\",\"inspector\":\"x\"}");
    assertThat(code(warranty)).isEqualTo("quality.wrong_state");

    JsonNode started = step(planner, toConsentCollected(planner, p, 20, 20), "started",
        "2023-03-10");
    TestClock.set("2023-05-01");
    Http.Response check = officer("changyuan").post("/api/inspections", "{\"projectId\":" + id
        + ",\"kind\":\"spot_check\",\"inspector\":\"抽检组\",\"findingCount\":5,"
        + "\"rectificationDue\":\"2023-05-20\"}");
    assertThat(check.status()).as(check.body()).isEqualTo(201);
    JsonNode done = step(planner, started, "completed", "2023-06-01");
    Http.Response open = officer("changyuan").post("/api/inspections", acceptance);
    assertThat(open.status()).isEqualTo(409);
    assertThat(code(open)).isEqualTo("quality.open_findings");
    assertThat(officer("changyuan").put("/api/inspections/" + check.json().get("id").asLong()
        + "/rectification", "{\"note\":\"已整改\",\"version\":1}", null).status()).isEqualTo(200);
    assertThat(officer("changyuan").post("/api/inspections", acceptance).status())
        .isEqualTo(201);
    JsonNode accepted = step(planner, done, "accepted", "2023-06-01");
    Http.Response handOver = officer("changyuan").post("/api/projects/" + id + "/transitions",
        "{\"to\":\"handed_over\",\"version\":" + accepted.get("version").asLong() + "}");
    assertThat(handOver.status()).isEqualTo(409);
    assertThat(code(handOver)).isEqualTo("quality.no_hand_over");
  }

  @Test
  void aSchemeNeedsSurveyFindingsFirst() {
    long c = org.jointworks.support.ProgrammeFixtures.community(admin, "fengquan", 15);
    String noFindings = projectBody(c, 500_000).replace(
        "\"surveyFindings\":[{\"kind\":\"safety_hazard\",\"code\":\"gas\","
            + "\"description\":\"燃气立管锈蚀\"}],", "");
    Http.Response created = officer("fengquan").post("/api/projects", noFindings);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Http.Response scheme = officer("fengquan").post("/api/projects/"
        + created.json().get("id").asLong() + "/transitions",
        "{\"to\":\"scheme_drafted\",\"version\":1}");
    assertThat(scheme.status()).isEqualTo(409);
    assertThat(code(scheme)).isEqualTo("scheme.no_survey");
  }

  @Test
  void numbersNotFromThePlanCarryTheirSource() {
    project(admin, planner, "muye", 12);
    JsonNode evaluation = leader.get("/api/progress/evaluation?period=mid&asOf=2023-07-15")
        .json();
    assertThat(evaluation.at("/sources/weights").asString()).isEqualTo("local setting");
    assertThat(evaluation.at("/sources/reportDueDay").asString()).isEqualTo("local setting");
    assertThat(evaluation.at("/sources/deadlines").asString()).isEqualTo("plan");
    assertThat(evaluation.at("/counties/0/components/0/weightSource").asString())
        .isEqualTo("local setting");
    JsonNode months = leader.get("/api/reports/timeliness?asOf=2023-07-15").json().get("muye");
    assertThat(months.get(0).get("source").asString()).isEqualTo("local setting");
    assertThat(leader.get("/api/progress/report?asOf=2023-07-15").body())
        .contains("local setting");
  }

  @Test
  void fundingPerSourceAcrossTheProgrammeAndPerCounty() {
    project(admin, planner, "muye", 12);
    Http.Response r = leader.get("/api/progress/funding");
    assertThat(r.status()).isEqualTo(200);
    JsonNode f = r.json();
    assertThat(f.get("bySource").size()).isEqualTo(7);
    assertThat(f.at("/bySource/0/source").asString()).isEqualTo("central_subsidy");
    JsonNode muye = null;
    for (JsonNode c : f.get("counties")) {
      if (c.get("district").asString().equals("muye")) {
        muye = c;
      }
    }
    double sum = 0;
    for (JsonNode line : muye.get("bySource")) {
      sum += line.get("amountYuan").asDouble();
    }
    assertThat(sum).isEqualTo(muye.get("totalYuan").asDouble());
    assertThat(muye.get("totalYuan").asDouble()).isGreaterThanOrEqualTo(1_000_000);
    assertThat(anonymous.get("/api/progress/funding").status()).isEqualTo(401);
    assertThat(utility.get("/api/progress/funding").status()).isEqualTo(403);
    assertThat(countyLeader("muye").get("/api/progress/funding").status()).isEqualTo(200);
  }
}
