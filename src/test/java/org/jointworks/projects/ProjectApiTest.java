package org.jointworks.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.writer;
import static org.jointworks.support.ProgrammeFixtures.community;
import static org.jointworks.support.ProgrammeFixtures.consent;
import static org.jointworks.support.ProgrammeFixtures.project;
import static org.jointworks.support.ProgrammeFixtures.projectBody;
import static org.jointworks.support.ProgrammeFixtures.step;
import static org.jointworks.support.ProgrammeFixtures.toConsentCollected;

import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Projects through HTTP: rule 3's content, optimistic locking, the workflow and its gates. */
class ProjectApiTest extends ProgrammeContext {
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void createsProjectWithEverythingRuleThreeNamesAndAuditsIt() {
    long c = community(admin, "weibin", 120);
    Http.Response r = writer(planner, "weibin").post("/api/projects", projectBody(c, 1_000_000));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    assertThat(r.header("Location")).endsWith("/api/projects/" + r.json().get("id").asLong());
    JsonNode p = r.json();
    assertThat(p.get("district").asString()).isEqualTo("weibin");
    assertThat(p.get("households").asLong()).isEqualTo(120);
    assertThat(p.get("status").asString()).isEqualTo("surveyed");
    assertThat(p.at("/content/0/classZh").asString()).isEqualTo("基础类");
    assertThat(p.at("/content/2/code").asString()).isEqualTo("lifts");
    assertThat(p.at("/content/2/contentClass").asString()).isEqualTo("improvement");
    assertThat(p.get("fundingTotalYuan").asDouble()).isEqualTo(1_000_000.0);
    assertThat(p.get("constructionUnit").asString()).isEqualTo("卫滨区城投公司");
    assertThat(p.get("supervisingUnit").asString()).isEqualTo("胜利路街道办事处");
    assertThat(p.get("responsiblePerson").asString()).isEqualTo("王建国");
    assertThat(p.at("/surveyFindings/0/kind").asString()).isEqualTo("safety_hazard");
    assertThat(p.at("/transitions/0/to").asString()).isEqualTo("surveyed");
    // Issue 12: a county's projects are written by its officer.
    assertThat(p.at("/transitions/0/actor").asString()).isEqualTo("weibin_officer");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'projects'"
        + " AND subject_id = ? AND action = 'create' AND actor = 'weibin_officer'", Long.class,
        p.get("id").asLong())).isEqualTo(1);
    JsonNode read = leader.get("/api/projects/" + p.get("id").asLong()).json();
    assertThat(read.get("budgetYuan").asDouble()).isEqualTo(1_000_000.0);
    assertThat(utility.get("/api/projects?district=weibin").status()).isEqualTo(200);
  }

  @Test
  void refusesAnInvalidProjectListingEveryProblem() {
    long c = community(admin, "weibin", 50);
    String body = projectBody(c, 1_000_000).replace("\"gas\"", "\"teleport\"")
        .replace("\"residents\",\"amountYuan\":200000.00", "\"residents\",\"amountYuan\":1.00")
        .replace("\"responsiblePerson\":\"王建国\",", "");
    Http.Response r = writer(planner, "weibin").post("/api/projects", body);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("teleport").contains("responsiblePerson");
    Http.Response noCommunity = writer(planner, "weibin").post("/api/projects", projectBody(999_999_999L, 10));
    assertThat(noCommunity.status()).isEqualTo(422);
    assertThat(noCommunity.body()).contains("no community 999999999");
  }

  @Test
  void refusesFundingThatDoesNotAddUpToTheBudget() {
    long c = community(admin, "hongqi", 50);
    String body = projectBody(c, 1_000_000).replace("\"amountYuan\":200000.00",
        "\"amountYuan\":100000.00");
    Http.Response r = writer(planner, "hongqi").post("/api/projects", body);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body()).contains("add up to 900000.00 yuan").contains("1000000.00");
  }

  @Test
  void oneProjectPerCommunity() {
    long c = community(admin, "muye", 60);
    assertThat(writer(planner, "muye").post("/api/projects", projectBody(c, 100)).status()).isEqualTo(201);
    Http.Response again = writer(planner, "muye").post("/api/projects", projectBody(c, 100));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already has a project");
  }

  @Test
  void replaceNeedsTheCurrentVersion() {
    JsonNode p = project(admin, planner, "weibin", 80);
    String path = "/api/projects/" + p.get("id").asLong();
    long c = p.get("communityId").asLong();
    Http.Response ok = writer(planner, "weibin").put(path, projectBody(c, 2_000_000), "\"1\"");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.header("ETag")).isEqualTo("\"2\"");
    assertThat(ok.json().get("budgetYuan").asDouble()).isEqualTo(2_000_000.0);
    assertThat(writer(planner, "weibin").put(path, projectBody(c, 3_000_000), "\"1\"").status()).isEqualTo(412);
    String withVersion = projectBody(c, 3_000_000).replace("{\"communityId\"",
        "{\"version\":1,\"communityId\"");
    assertThat(writer(planner, "weibin").put(path, withVersion, null).status()).isEqualTo(409);
    assertThat(writer(planner, "weibin").put(path, projectBody(c, 3_000_000), null).status()).isEqualTo(428);
    assertThat(planner.get(path).json().get("budgetYuan").asDouble()).isEqualTo(2_000_000.0);
  }

  @Test
  void startingBelowEightyPercentIsRefusedWithTheFigures() {
    JsonNode p = toConsentCollected(planner, project(admin, planner, "weibin", 100), 85, 79);
    long id = p.get("id").asLong();
    Http.Response r = writer(planner, "weibin").post("/api/projects/" + id + "/transitions",
        "{\"to\":\"started\",\"on\":\"2023-03-20\",\"version\":" + p.get("version").asLong() + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    JsonNode body = r.json();
    assertThat(body.get("detail").asString()).contains("property_management 79 of 100")
        .contains("79.00%").contains("scheme 85 of 100");
    assertThat(body.get("thresholdPercent").asDouble()).isEqualTo(80.0);
    assertThat(body.at("/consent/0/question").asString()).isEqualTo("scheme");
    assertThat(body.at("/consent/0/met").asBoolean()).isTrue();
    assertThat(body.at("/consent/1/householdsConsenting").asLong()).isEqualTo(79);
    assertThat(body.at("/consent/1/households").asLong()).isEqualTo(100);
    assertThat(body.at("/consent/1/percent").asDouble()).isEqualTo(79.0);
    assertThat(body.at("/consent/1/met").asBoolean()).isFalse();
    assertThat(planner.get("/api/projects/" + id).json().get("status").asString())
        .isEqualTo("consent_collected");

    // A new count of exactly 80% opens the gate; the step records who and when.
    assertThat(consent(planner, id, "property_management", 80, "2023-03-21").status())
        .isEqualTo(201);
    JsonNode started = step(planner, planner.get("/api/projects/" + id).json(), "started",
        "2023-03-22");
    assertThat(started.get("status").asString()).isEqualTo("started");
    JsonNode last = started.get("transitions").get(started.get("transitions").size() - 1);
    assertThat(last.get("from").asString()).isEqualTo("consent_collected");
    assertThat(last.get("effectiveOn").asString()).isEqualTo("2023-03-22");
    assertThat(last.get("actor").asString()).isEqualTo("weibin_officer");
    assertThat(last.get("recordedAt").asString()).isNotBlank();
  }

  @Test
  void consentCollectedNeedsBothQuestionsRecorded() {
    JsonNode p = step(planner, project(admin, planner, "hongqi", 40), "scheme_drafted",
        "2023-03-01");
    consent(planner, p.get("id").asLong(), "scheme", 39, "2023-03-02");
    Http.Response r = writer(planner, "hongqi").post("/api/projects/" + p.get("id").asLong() + "/transitions",
        "{\"to\":\"consent_collected\",\"on\":\"2023-03-03\",\"version\":"
            + p.get("version").asLong() + "}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body()).contains("property_management");
  }

  @Test
  void consentCountsAreChecked() {
    JsonNode p = project(admin, planner, "hongqi", 40);
    long id = p.get("id").asLong();
    assertThat(consent(planner, id, "scheme", 41, "2023-03-02").status()).isEqualTo(422);
    assertThat(consent(planner, id, "colour", 10, "2023-03-02").status()).isEqualTo(422);
    assertThat(consent(planner, id, "scheme", 10, "2999-01-01").status()).isEqualTo(422);
  }

  @Test
  void theWorkflowMovesOneStepAtATimeAndNotIntoTheFuture() {
    JsonNode p = project(admin, planner, "muye", 30);
    String path = "/api/projects/" + p.get("id").asLong() + "/transitions";
    Http.Response skip = writer(planner, "muye").post(path, "{\"to\":\"started\",\"version\":1}");
    assertThat(skip.status()).isEqualTo(409);
    assertThat(skip.body()).contains("the next step is scheme_drafted");
    assertThat(writer(planner, "muye").post(path, "{\"to\":\"scheme_drafted\",\"on\":\"2999-01-01\","
        + "\"version\":1}").status()).isEqualTo(422);
    assertThat(writer(planner, "muye").post(path, "{\"to\":\"scheme_drafted\",\"on\":\"2022-01-01\","
        + "\"version\":1}").status()).isEqualTo(422);
    assertThat(writer(planner, "muye").post(path, "{\"to\":\"nowhere\",\"version\":1}").status()).isEqualTo(422);
    assertThat(writer(planner, "muye").post(path, "{\"to\":\"scheme_drafted\",\"on\":\"2023-02-01\","
        + "\"version\":7}").status()).isEqualTo(409);
    Http muye = writer(planner, "muye");
    var b = muye.builder(path).header("Content-Type", "application/json").header("If-Match",
        "\"7\"").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"to\":\"scheme_drafted\",\"on\":\"2023-02-01\"}"));
    assertThat(muye.send(b).status()).isEqualTo(412);
  }

  @Test
  void rolesOfTheProjectEndpoints() {
    JsonNode p = project(admin, planner, "gaoxin", 20);
    long id = p.get("id").asLong();
    long c = p.get("communityId").asLong();
    assertThat(anonymous.get("/api/projects").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/projects/" + id).status()).isEqualTo(401);
    assertThat(anonymous.get("/api/catalogue").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/projects", projectBody(c, 1)).status()).isEqualTo(401);
    assertThat(leader.get("/api/projects").status()).isEqualTo(200);
    assertThat(utility.get("/api/projects/" + id).status()).isEqualTo(200);
    JsonNode catalogue = utility.get("/api/catalogue").json();
    assertThat(catalogue.size()).isEqualTo(30);
    assertThat(catalogue.get(0).get("classZh").asString()).isEqualTo("基础类");
    long other = community(admin, "gaoxin", 10);
    assertThat(leader.post("/api/projects", projectBody(other, 1)).status()).isEqualTo(403);
    assertThat(utility.post("/api/projects", projectBody(other, 1)).status()).isEqualTo(403);
    assertThat(leader.put("/api/projects/" + id, projectBody(c, 1), "\"1\"").status())
        .isEqualTo(403);
    assertThat(utility.post("/api/projects/" + id + "/transitions",
        "{\"to\":\"scheme_drafted\",\"version\":1}").status()).isEqualTo(403);
    assertThat(consent(leader, id, "scheme", 1, "2023-03-01").status()).isEqualTo(403);
    assertThat(admin.post("/api/projects", projectBody(other, 1)).status()).isEqualTo(201);
  }
}
