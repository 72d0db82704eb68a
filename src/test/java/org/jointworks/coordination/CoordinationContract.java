package org.jointworks.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.coordination.WorksFixtures.community;
import static org.jointworks.coordination.WorksFixtures.pipeline;
import static org.jointworks.coordination.WorksFixtures.work;
import static org.jointworks.support.Fixtures.collection;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The coordination endpoints through HTTP on a real store: role rules, conflicts in space and
 * time, the check of a proposed work, clearances, the construction plan, the public map and bad
 * input. Each test works in its own patch of the map, so tests sharing a store do not meet.
 */
abstract class CoordinationContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;
  Http admin;

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
  }

  List<Long> importInto(String layer, String... features) {
    Http.Response r = admin.post("/api/import/" + layer, collection(features));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().get("ids").forEach(n -> ids.add(n.asLong()));
    return ids;
  }

  static List<JsonNode> among(JsonNode conflicts, List<Long> ids) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : conflicts) {
      if (ids.contains(c.at("/a/id").asLong()) && ids.contains(c.at("/b/id").asLong())) {
        out.add(c);
      }
    }
    return out;
  }

  @Test
  void everyEndpointHasItsRoleRule() {
    String area = new WorksFixtures(113.70, 35.10).rect(0, 0, 10, 10);
    String proposal = work(new WorksFixtures(113.70, 35.10).line(0, 0, 50, 0), "gas", "new",
        "submitted", "2023-05-01", "2023-05-30");
    assertThat(anonymous.get("/api/public/works").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/works/conflicts").status()).isEqualTo(200);
    assertThat(anonymous.post("/api/works/check", proposal).status()).isEqualTo(401);
    assertThat(anonymous.as("leader").post("/api/works/check", proposal).status()).isEqualTo(403);
    for (String user : List.of("admin", "planner", "gas", "telecom")) {
      assertThat(anonymous.as(user).post("/api/works/check", proposal).status()).as(user)
          .isEqualTo(200);
    }
    assertThat(anonymous.get("/api/pipelines/clearance-violations").status()).isEqualTo(401);
    assertThat(anonymous.as("leader").get("/api/pipelines/clearance-violations").status())
        .isEqualTo(200);
    assertThat(anonymous.post("/api/construction-plan", area).status()).isEqualTo(401);
    assertThat(anonymous.as("leader").post("/api/construction-plan", area).status())
        .isEqualTo(200);
    assertThat(anonymous.get("/api/linked-areas/1/construction-plan").status()).isEqualTo(401);
  }

  @Test
  void findsSameWindowAndMoratoriumConflictsButNotFarOrCancelledWorks() {
    WorksFixtures m = new WorksFixtures(113.80, 35.20);
    List<Long> ids = importInto("works",
        work(m.line(0, 0, 200, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(50, 3, 250, 3), "gas", "replace", "approved", "2023-04-15", "2023-05-10"),
        work(m.line(100, -1.5, 300, -1.5), "power", "new", "submitted", "2024-06-01", "2024-06-30"),
        work(m.line(0, 30, 200, 30), "telecom", "new", "submitted", "2023-03-01", "2023-03-31"),
        work(m.line(0, 1, 200, 1), "heating", "repair", "cancelled", "2023-03-01", "2023-03-31"));
    // Signed in: anonymous users see conflicts between approved or running works only (issue 13).
    JsonNode all = anonymous.as("leader").get("/api/works/conflicts").json();
    List<JsonNode> mine = among(all.get("conflicts"), ids);
    assertThat(mine).extracting(c -> c.at("/a/id").asLong() + "-" + c.at("/b/id").asLong() + " "
        + c.get("kind").asString()).containsExactly(
            ids.get(0) + "-" + ids.get(1) + " same_window",
            ids.get(0) + "-" + ids.get(2) + " moratorium",
            ids.get(1) + "-" + ids.get(2) + " moratorium");
    JsonNode ab = mine.get(0);
    assertThat(ab.get("gapMeters").asDouble()).isBetween(2.9, 3.1);
    assertThat(ab.get("overlapMeters").asDouble()).isBetween(150.0, 160.0);
    assertThat(ab.get("separationDays").asLong()).isEqualTo(15);
    assertThat(ab.at("/a/utility").asString()).isEqualTo("water_supply");
    assertThat(ab.get("lon").asDouble()).isBetween(113.80, 113.81);
    assertThat(mine.get(1).get("moratoriumUntil").asString()).isEqualTo("2026-03-31");

    assertThat(among(anonymous.as("leader").get("/api/works/conflicts?utility=telecom").json()
        .get("conflicts"), ids)).isEmpty();
    assertThat(among(anonymous.as("leader").get("/api/works/conflicts?from=2024-01-01&to=2024-12-31").json()
        .get("conflicts"), ids)).hasSize(2);
    assertThat(among(anonymous.as("leader").get("/api/works/conflicts?bufferMeters=1").json()
        .get("conflicts"), ids)).isEmpty();
    assertThat(among(anonymous.as("leader").get("/api/works/conflicts?bufferMeters=40&gapDays=0").json()
        .get("conflicts"), ids)).hasSize(6);
  }

  @Test
  void filtersByDistrictThroughItsCommunities() {
    WorksFixtures m = new WorksFixtures(113.60, 35.40);
    importInto("communities", community(m.rect(-20, -20, 60, 20), "测试小区", "hongqi"));
    List<Long> ids = importInto("works",
        work(m.line(0, 0, 100, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(0, 2, 100, 2), "gas", "replace", "approved", "2023-03-01", "2023-03-31"));
    assertThat(among(anonymous.get("/api/works/conflicts?district=hongqi").json()
        .get("conflicts"), ids)).hasSize(1);
    assertThat(among(anonymous.get("/api/works/conflicts?district=weibin").json()
        .get("conflicts"), ids)).isEmpty();
  }

  @Test
  void badInputAnswersAClear4xx() {
    for (String q : List.of("bufferMeters=-1", "bufferMeters=10000", "bufferMeters=0",
        "bufferMeters=abc", "gapDays=-3", "from=2023-13-01", "from=2023-05-01&to=2023-04-01",
        "utility=sewage", "district=atlantis")) {
      Http.Response r = anonymous.get("/api/works/conflicts?" + q);
      assertThat(r.status()).as(q + " " + r.body()).isEqualTo(400);
      assertThat(r.json().get("detail").asString()).as(q).isNotBlank();
    }
    WorksFixtures m = new WorksFixtures(113.71, 35.11);
    String planner = "planner";
    Http p = anonymous.as(planner);
    Http.Response endBeforeStart = p.post("/api/works/check", work(m.line(0, 0, 10, 0), "gas",
        "new", "submitted", "2023-05-30", "2023-05-01"));
    assertThat(endBeforeStart.status()).isEqualTo(422);
    assertThat(endBeforeStart.body()).contains("end_date");
    Http.Response unknownUtility = p.post("/api/works/check", work(m.line(0, 0, 10, 0), "sewage",
        "new", "submitted", "2023-05-01", "2023-05-30"));
    assertThat(unknownUtility.status()).isEqualTo(422);
    assertThat(unknownUtility.body()).contains("utility");
    String bowtie = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}", m.lon(0), m.lat(0), m.lon(10), m.lat(10),
        m.lon(10), m.lat(0), m.lon(0), m.lat(10), m.lon(0), m.lat(0));
    Http.Response invalid = p.post("/api/works/check", work(bowtie, "gas", "new", "submitted",
        "2023-05-01", "2023-05-30"));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("geometry");
    assertThat(p.post("/api/works/check?bufferMeters=10000", work(m.line(0, 0, 10, 0), "gas",
        "new", "submitted", "2023-05-01", "2023-05-30")).status()).isEqualTo(400);
    assertThat(p.post("/api/construction-plan", m.line(0, 0, 10, 0)).status()).isEqualTo(422);
    assertThat(p.post("/api/construction-plan", bowtie).status()).isEqualTo(422);
    assertThat(p.get("/api/pipelines/clearance-violations?district=atlantis").status())
        .isEqualTo(400);
    assertThat(anonymous.get("/api/public/works?bbox=1,2,3").status()).isEqualTo(400);
  }

  @Test
  void checkAnswersConflictsAndClearancesWithoutStoring() {
    WorksFixtures m = new WorksFixtures(113.90, 35.25);
    List<Long> stored = importInto("works",
        work(m.line(0, 0, 200, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"));
    List<Long> pipes = importInto("pipelines", pipeline(m.line(0, 10, 200, 10), "water_supply"));
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM works", Long.class);
    Http.Response r = anonymous.as("gas").post("/api/works/check", work(m.line(20, 2, 180, 9.6),
        "gas", "new", "submitted", "2023-04-10", "2023-04-30"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode answer = r.json();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM works", Long.class)).isEqualTo(before);
    assertThat(answer.get("conflicts")).hasSize(1);
    assertThat(answer.at("/conflicts/0/b/id").asLong()).isEqualTo(stored.get(0));
    assertThat(answer.at("/conflicts/0/a/id").isMissingNode()).isTrue();
    assertThat(answer.at("/conflicts/0/kind").asString()).isEqualTo("same_window");
    assertThat(answer.get("clearanceChecked").asBoolean()).isTrue();
    JsonNode problem = answer.get("clearanceProblems").get(0);
    assertThat(problem.at("/b/id").asLong()).isEqualTo(pipes.get(0));
    // A gas work with no pressure class meets every gas row: the largest (高压, 1.5 m) governs.
    assertThat(problem.get("requiredMeters").asDouble()).isEqualTo(1.5);
    assertThat(problem.get("actualMeters").asDouble()).isBetween(0.3, 0.5);
    assertThat(problem.get("placeholder").asBoolean()).isFalse();
    assertThat(problem.get("source").asString()).contains("GB 50289-98").contains("附表一")
        .contains("燃气管 高压");
  }

  @Test
  void listsPipelinesLaidCloserThanTheirClearance() {
    WorksFixtures m = new WorksFixtures(113.95, 35.35);
    List<Long> ids = importInto("pipelines",
        pipeline(m.line(0, 0, 200, 0), "water_supply"),
        pipeline(m.line(0, 0.4, 200, 0.4), "power"),
        pipeline(m.line(0, 5, 200, 5), "telecom"),
        pipeline(m.line(100, -50, 100, 50), "gas"));
    JsonNode all = anonymous.as("leader").get("/api/pipelines/clearance-violations").json();
    List<JsonNode> mine = new ArrayList<>();
    all.get("violations").forEach(v -> {
      if (ids.contains(v.at("/a/id").asLong())) {
        mine.add(v);
      }
    });
    // water/power 0.4 m apart side by side (附表一 asks 0.5 m); the gas pipe crosses all three, each at 1.2 m deep:
    // crossings are judged vertically (the 0.2 m gas pipe's bottom is below the others' tops).
    List<JsonNode> side = mine.stream().filter(v -> v.get("kind").asString().equals("horizontal"))
        .toList();
    assertThat(side).hasSize(1);
    assertThat(side.get(0).at("/b/id").asLong()).isEqualTo(ids.get(1));
    assertThat(side.get(0).get("actualMeters").asDouble()).isBetween(0.35, 0.45);
    assertThat(side.get(0).get("requiredMeters").asDouble()).isEqualTo(0.5);
    assertThat(side.get(0).get("placeholder").asBoolean()).isFalse();
    assertThat(side.get(0).get("parallelMeters").asDouble()).isBetween(195.0, 205.0);
    List<JsonNode> crossings = mine.stream()
        .filter(v -> v.get("kind").asString().equals("vertical")).toList();
    assertThat(crossings).hasSize(3).allMatch(v -> v.at("/b/id").asLong() == ids.get(3));
    assertThat(crossings.get(0).get("actualMeters").asDouble()).isEqualTo(-0.2);
    assertThat(crossings.get(0).get("depthA").asDouble()).isEqualTo(1.2);
    assertThat(crossings.get(0).get("source").asString()).contains("table 4.1.14");
  }

  @Test
  void crossingsAreJudgedVerticallyFromDepthsAlongThePipes() {
    WorksFixtures m = new WorksFixtures(113.97, 35.37);
    String water = "{\"type\":\"Feature\",\"geometry\":" + m.line(0, 0, 200, 0)
        + ",\"properties\":{\"utility\":\"water_supply\",\"owner\":\"water_supply\","
        + "\"diameter_mm\":200,\"depth_start_m\":1.0,\"depth_end_m\":3.0}}";
    String noDepth = "{\"type\":\"Feature\",\"geometry\":" + m.line(100, 0.01, 100, 40)
        + ",\"properties\":{\"utility\":\"telecom\",\"owner\":\"telecom\"}}";
    List<Long> ids = importInto("pipelines", water,
        pipeline(m.line(20, -20, 20, 20), "gas"),
        pipeline(m.line(150, -20, 150, 20), "power"),
        noDepth);
    JsonNode all = anonymous.as("leader").get("/api/pipelines/clearance-violations").json();
    List<JsonNode> mine = new ArrayList<>();
    all.get("violations").forEach(v -> {
      if (ids.contains(v.at("/a/id").asLong()) || ids.contains(v.at("/b/id").asLong())) {
        mine.add(v);
      }
    });
    // At x=20 the water main lies 1.2 m deep (1.0 → 3.0 over 200 m): the gas pipe at 1.2 m
    // clashes. At x=150 it lies 2.5 m deep, 1.1 m below the power pipe's bottom: clear. The
    // telecom line ending 1 cm from the main at a right angle is neither parallel nor judged
    // (no depth recorded), where the old check saw a 1 m "parallel" stretch.
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).at("/b/id").asLong()).isEqualTo(ids.get(1));
    assertThat(mine.get(0).get("kind").asString()).isEqualTo("vertical");
    assertThat(mine.get(0).get("depthA").asDouble()).isCloseTo(1.2, within(0.01));
    assertThat(mine.get(0).get("actualMeters").asDouble()).isCloseTo(-0.2, within(0.01));
  }

  @Test
  void planMergesWorksOnOneStretchIntoOneTrench() {
    WorksFixtures m = new WorksFixtures(113.65, 35.15);
    List<Long> ids = importInto("works",
        work(m.line(0, 0, 200, 0), "telecom", "new", "approved", "2023-03-01", "2023-03-20"),
        work(m.line(0, 2, 200, 2), "drainage", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(0, -2, 150, -2), "gas", "replace", "approved", "2023-03-05", "2023-04-30"),
        work(m.line(0, 400, 200, 400), "power", "new", "approved", "2023-04-01", "2023-04-10"),
        work(m.line(0, 1, 200, 1), "heating", "repair", "completed", "2023-03-01", "2023-03-31"));
    Http.Response r = anonymous.as("planner").post("/api/construction-plan",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + m.rect(-10, -10, 210, 410) + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode plan = r.json();
    assertThat(plan.get("worksInArea").asInt()).isEqualTo(4);
    assertThat(plan.get("excavationsUncoordinated").asInt()).isEqualTo(4);
    assertThat(plan.get("excavationsCoordinated").asInt()).isEqualTo(2);
    assertThat(plan.get("digsAvoided").asInt()).isEqualTo(2);
    JsonNode trench = plan.at("/excavations/0");
    assertThat(trench.at("/lead/id").asLong()).isEqualTo(ids.get(1));
    assertThat(trench.at("/phases/0/utilities/0").asString()).isEqualTo("drainage");
    assertThat(trench.at("/geometry/type").asString()).isEqualTo("MultiLineString");
    assertThat(plan.at("/surface/0/label").asString()).startsWith("roads");
    assertThat(plan.get("unmet").toString()).contains("work_window");
    assertThat(plan.get("timeline").size()).isEqualTo(3 + 1 + 2);
  }

  @Test
  void publicMapShowsPlannedAndCurrentWorksWithoutOtherAttributes() {
    WorksFixtures m = new WorksFixtures(113.55, 35.05);
    List<Long> ids = importInto("works",
        work(m.line(0, 0, 50, 0), "gas", "new", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(0, 10, 50, 10), "gas", "new", "cancelled", "2023-03-01", "2023-03-31"));
    String bbox = m.lon(-100) + "," + m.lat(-100) + "," + m.lon(100) + "," + m.lat(100);
    Http.Response r = anonymous.get("/api/public/works?bbox=" + bbox);
    assertThat(r.status()).isEqualTo(200);
    JsonNode features = r.json().get("features");
    assertThat(features).hasSize(1);
    JsonNode f = features.get(0);
    assertThat(f.get("id").asLong()).isEqualTo(ids.get(0));
    List<String> names = new ArrayList<>(f.get("properties").propertyNames());
    assertThat(names).containsExactlyInAnyOrder("utility", "owner", "kind", "status",
        "start_date", "end_date", "owner_name");
    assertThat(f.at("/properties/start_date").asString()).isEqualTo("2023-03-01");
  }
}
