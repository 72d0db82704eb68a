package org.jointworks.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.consent;
import static org.jointworks.support.ProgrammeFixtures.project;
import static org.jointworks.support.ProgrammeFixtures.step;
import static org.jointworks.support.ProgrammeFixtures.toConsentCollected;

import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.jointworks.support.TestClock;
import org.jointworks.system.Role;
import org.jointworks.system.UserStore;
import org.jointworks.projects.ProgrammeContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The programme's SQL on PostGIS, through HTTP: projects with their child rows, consent, the
 * workflow, an adjustment, reports with approval, inspections, and the progress views that read
 * them all. Runs when {@code JOINTWORKS_TEST_POSTGIS_URL} is set. Since issue 12: the county's
 * officer writes, the city office applies the adjustment to the filed plan, the county's leader
 * approves, and the test clock follows each request's day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProgrammeContext.Clocks.class)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class ProgrammePostgisTest {
  @LocalServerPort
  int port;
  Http anonymous;
  Http admin;
  Http planner;
  Http leader;
  @Autowired
  UserStore users;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "programme", false);
  }

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    planner = anonymous.as("planner");
    leader = anonymous.as("leader");
    users.createIfAbsent("weibin_officer", "demo", Role.COUNTY_OFFICER, null, "weibin");
    users.createIfAbsent("weibin_leader", "demo", Role.COUNTY_LEADER, null, "weibin");
    users.createIfAbsent("city_office", "demo", Role.CITY_OFFICE, null);
    TestClock.set("2023-07-15");
    TestClock.follow(true);
  }

  @Test
  void theWholeProgrammeRunsOnPostgis() {
    JsonNode a = toConsentCollected(planner, project(admin, planner, "weibin", 100), 90, 70);
    assertThat(a.get("content").size()).isEqualTo(3);
    assertThat(a.get("funding").size()).isEqualTo(2);
    assertThat(a.get("consent").size()).isEqualTo(2);
    Http officer = anonymous.as("weibin_officer");
    Http.Response refused = officer.post("/api/projects/" + a.get("id").asLong()
        + "/transitions", "{\"to\":\"started\",\"on\":\"2023-03-20\",\"version\":"
            + a.get("version").asLong() + "}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().at("/consent/1/percent").asDouble()).isEqualTo(70.0);
    consent(planner, a.get("id").asLong(), "property_management", 85, "2023-03-21");
    JsonNode started = step(planner, planner.get("/api/projects/" + a.get("id").asLong()).json(),
        "started", "2023-04-03");
    assertThat(started.get("transitions").size()).isEqualTo(4);

    JsonNode b = project(admin, planner, "weibin", 40);
    String feature = Fixtures.community("调入小区", "weibin", 113.9, 35.3, 0.001, 45);
    String projectBody = org.jointworks.support.ProgrammeFixtures.projectBody(0, 1_000_000)
        .replace("\"communityId\":0,", "");
    TestClock.set("2023-02-20");
    assertThat(officer.post("/api/county-plans",
        "{\"district\":\"weibin\",\"reporter\":\"卫滨区信息员\"}").status())
        .isEqualTo(201);
    Http.Response adj = officer.post("/api/adjustments",
        "{\"district\":\"weibin\",\"drop\":["
        + b.get("communityId").asLong() + "],\"add\":[{\"community\":" + feature
        + ",\"project\":" + projectBody + "}],\"filedOn\":\"2023-03-10\",\"reason\":\"调整\","
        + "\"countyApprovalRef\":\"a\",\"housingFilingRef\":\"h\",\"developmentFilingRef\":\"d\","
        + "\"financeFilingRef\":\"f\"}");
    assertThat(adj.status()).as(adj.body()).isEqualTo(201);
    assertThat(adj.json().get("status").asString()).isEqualTo("filed");
    Http.Response approved = anonymous.as("city_office").post("/api/adjustments/"
        + adj.json().get("id").asLong() + "/approve", "{\"reason\":\"同意\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("addedProjects").size()).isEqualTo(1);

    JsonNode report = officer.post("/api/reports", "{\"district\":\"weibin\",\"period\":"
        + "\"2023-03\",\"submittedOn\":\"2023-04-12\",\"projectsStarted\":0,"
        + "\"projectsCompleted\":0,\"householdsCompleted\":0,\"investmentYuan\":10,"
        + "\"reporter\":\"王丽华\"}").json();
    assertThat(report.get("daysLate").asLong()).isEqualTo(2);
    assertThat(anonymous.as("weibin_leader").post("/api/reports/" + report.get("id").asLong()
        + "/approval",
        "{\"decision\":\"approved\",\"on\":\"2023-04-13\",\"version\":1}").status())
        .isEqualTo(200);
    assertThat(officer.post("/api/inspections", "{\"projectId\":" + a.get("id").asLong()
        + ",\"kind\":\"spot_check\",\"inspectedOn\":\"2023-05-02\",\"inspector\":\"抽检组\","
        + "\"findingCount\":2,\"rectificationDue\":\"2023-05-10\"}").status()).isEqualTo(201);

    JsonNode summary = anonymous.get("/api/progress/summary").json();
    ProgressApiTest.assertTargetsAreThePlansTable(summary);
    JsonNode weibin = ProgressApiTest.district(summary, "weibin");
    assertThat(weibin.at("/planned/communities").asLong()).isEqualTo(2);
    assertThat(weibin.at("/planned/households").asLong()).isEqualTo(145);
    assertThat(weibin.at("/byStatus/started/households").asLong()).isEqualTo(100);
    JsonNode overdue = leader.get("/api/progress/overdue?asOf=2023-07-15").json();
    assertThat(overdue.toString()).contains("\"daysLate\":3");
    JsonNode evaluation = leader.get("/api/progress/evaluation?period=mid&asOf=2023-07-15")
        .json();
    assertThat(evaluation.at("/counties/0/district").asString()).isEqualTo("weibin");
    assertThat(leader.get("/api/progress/report?asOf=2023-07-15").body()).contains("<svg");
    assertThat(anonymous.get("/api/progress/districts.geojson").json().get("features").size())
        .isEqualTo(11);
  }
}
