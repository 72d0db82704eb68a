package org.jointworks.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.project;
import static org.jointworks.support.ProgrammeFixtures.step;
import static org.jointworks.support.ProgrammeFixtures.toConsentCollected;

import java.util.Map;
import org.jointworks.projects.ProgrammeContext;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The progress views through HTTP: summary, overdue, evaluation, choropleth and report. */
class ProgressApiTest extends ProgrammeContext {
  /** The plan's table: communities, households, buildings, floor area m². */
  static final Map<String, long[]> TABLE = Map.ofEntries(
      Map.entry("weibin", new long[] {27, 3279, 87, 291900}),
      Map.entry("hongqi", new long[] {11, 2673, 62, 300800}),
      Map.entry("muye", new long[] {20, 6205, 148, 449500}),
      Map.entry("fengquan", new long[] {12, 3843, 129, 366700}),
      Map.entry("gaoxin", new long[] {7, 1044, 21, 102100}),
      Map.entry("huixian", new long[] {7, 292, 14, 26000}),
      Map.entry("weihui", new long[] {4, 212, 8, 23500}),
      Map.entry("yuanyang", new long[] {6, 265, 10, 35100}),
      Map.entry("yanjin", new long[] {20, 1354, 44, 185000}),
      Map.entry("fengqiu", new long[] {5, 117, 8, 10600}),
      Map.entry("changyuan", new long[] {19, 2865, 89, 347900}));

  static JsonNode district(JsonNode summary, String code) {
    for (JsonNode d : summary.get("districts")) {
      if (d.get("code").asString().equals(code)) {
        return d;
      }
    }
    throw new AssertionError("no district " + code);
  }

  /** The targets equal the plan's table for all eleven units and the totals. */
  static void assertTargetsAreThePlansTable(JsonNode summary) {
    assertThat(summary.get("districts").size()).isEqualTo(11);
    for (var e : TABLE.entrySet()) {
      JsonNode t = district(summary, e.getKey()).get("target");
      assertThat(t.get("communities").asLong()).as(e.getKey()).isEqualTo(e.getValue()[0]);
      assertThat(t.get("households").asLong()).as(e.getKey()).isEqualTo(e.getValue()[1]);
      assertThat(t.get("buildings").asLong()).as(e.getKey()).isEqualTo(e.getValue()[2]);
      assertThat(t.get("floorAreaM2").asDouble()).as(e.getKey()).isEqualTo(e.getValue()[3]);
    }
    assertThat(summary.at("/target/communities").asLong()).isEqualTo(138);
    assertThat(summary.at("/target/households").asLong()).isEqualTo(22_149);
    assertThat(summary.at("/target/buildings").asLong()).isEqualTo(620);
    assertThat(summary.at("/target/floorAreaM2").asDouble()).isEqualTo(2_139_100.0);
  }

  @Test
  void summaryShowsThePlansTargetsThePlannedFiguresAndCountsPerStatus() {
    JsonNode y0 = district(anonymous.get("/api/progress/summary").json(), "yuanyang");
    JsonNode started = toConsentCollected(planner, project(admin, planner, "yuanyang", 40),
        40, 36);
    step(planner, started, "started", "2023-03-30");
    project(admin, planner, "yuanyang", 25);
    Http.Response r = anonymous.get("/api/progress/summary");
    assertThat(r.status()).isEqualTo(200);
    JsonNode s = r.json();
    assertTargetsAreThePlansTable(s);
    JsonNode y = district(s, "yuanyang");
    // Other tests of this class add projects to Yanjin too: compare with the figures before.
    assertThat(delta(y, y0, "/planned/communities")).isEqualTo(2);
    assertThat(delta(y, y0, "/planned/households")).isEqualTo(65);
    assertThat(delta(y, y0, "/planned/buildings")).isEqualTo(6);
    assertThat(delta(y, y0, "/byStatus/started/communities")).isEqualTo(1);
    assertThat(delta(y, y0, "/byStatus/started/households")).isEqualTo(40);
    assertThat(delta(y, y0, "/byStatus/surveyed/households")).isEqualTo(25);
    assertThat(y.at("/byStatus/started/floorAreaM2").asDouble()
        - y0.at("/byStatus/started/floorAreaM2").asDouble()).isEqualTo(12000.5);
    assertThat(s.at("/planned/communities").asLong())
        .isEqualTo(s.at("/byStatus").valueStream().mapToLong(x -> x.get("communities").asLong())
            .sum());
    // As of a day before the start, the same project counts as consent collected.
    JsonNode before = district(anonymous.get("/api/progress/summary?asOf=2023-03-29").json(),
        "yuanyang");
    assertThat(before.at("/byStatus/started/communities").asLong())
        .isEqualTo(y0.at("/byStatus/started/communities").asLong());
  }

  private static long delta(JsonNode after, JsonNode before, String pointer) {
    return after.at(pointer).asLong() - before.at(pointer).asLong();
  }

  @Test
  void overdueShowsWhatIsLateAndByHowManyDays() {
    JsonNode p = project(admin, planner, "yuanyang", 12);
    long id = p.get("id").asLong();
    Http.Response r = leader.get("/api/progress/overdue?asOf=2023-04-10");
    assertThat(r.status()).isEqualTo(200);
    JsonNode line = null;
    for (JsonNode x : r.json().get("projects")) {
      if (x.get("id").asLong() == id) {
        line = x;
      }
    }
    assertThat(line).isNotNull();
    assertThat(line.get("daysLate").asLong()).isEqualTo(21);
    assertThat(line.at("/milestones/0/name").asString()).isEqualTo("scheme_fixed");
    assertThat(line.at("/milestones/0/state").asString()).isEqualTo("overdue");
    assertThat(line.at("/milestones/1/daysLate").asLong()).isEqualTo(10);
    assertThat(line.at("/milestones/2/state").asString()).isEqualTo("due");
    JsonNode county = null;
    for (JsonNode c : r.json().get("counties")) {
      if (c.get("district").asString().equals("yuanyang")) {
        county = c;
      }
    }
    assertThat(county.get("overdueProjects").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(county.get("maxDaysLate").asLong()).isGreaterThanOrEqualTo(21);
    assertThat(county.at("/countyMilestones/1/name").asString())
        .isEqualTo("mid_self_assessment");
    // Before the deadlines nothing is late.
    JsonNode early = leader.get("/api/progress/overdue?asOf=2023-03-01").json();
    assertThat(early.get("projects").toString()).doesNotContain("\"id\":" + id + ",");
  }

  @Test
  void evaluationRanksCountiesShowingEachWeightedComponent() {
    project(admin, planner, "yuanyang", 5);
    Http.Response r = leader.get("/api/progress/evaluation?period=mid&asOf=2024-01-01");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode e = r.json();
    assertThat(e.get("cutOff").asString()).isEqualTo("2023-06-30");
    assertThat(e.get("provisional").asBoolean()).isFalse();
    assertThat(e.at("/weights/progress").asDouble()).isEqualTo(0.30);
    JsonNode first = e.get("counties").get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("components").size()).isEqualTo(5);
    double sum = 0;
    for (JsonNode c : first.get("components")) {
      assertThat(c.get("points").asDouble()).isEqualTo(
          Math.round(100 * c.get("weight").asDouble() * c.get("value").asDouble() * 100) / 100.0,
          org.assertj.core.data.Offset.offset(0.011));
      sum += c.get("points").asDouble();
    }
    assertThat(first.get("score").asDouble()).isCloseTo(sum,
        org.assertj.core.data.Offset.offset(0.03));
    double last = Double.MAX_VALUE;
    for (JsonNode c : e.get("counties")) {
      assertThat(c.get("score").asDouble()).isLessThanOrEqualTo(last);
      last = c.get("score").asDouble();
    }
    JsonNode year = leader.get("/api/progress/evaluation?period=year&asOf=2023-08-01").json();
    assertThat(year.get("provisional").asBoolean()).isTrue();
    assertThat(year.get("cutOff").asString()).isEqualTo("2023-08-01");
    assertThat(leader.get("/api/progress/evaluation?period=decade").status()).isEqualTo(400);
    assertThat(leader.get("/api/progress/evaluation?asOf=yesterday").status()).isEqualTo(400);
  }

  @Test
  void districtsChoroplethAndPrintableReportDrawnFromTheBoundaries() {
    JsonNode districts = admin.get("/api/districts").json();
    JsonNode weibin = null;
    for (JsonNode f : districts.get("features")) {
      if (f.at("/properties/code").asString().equals("weibin")) {
        weibin = f;
      }
    }
    String body = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[113.80,35.28],[113.88,35.28],[113.88,35.33],[113.80,35.33],[113.80,35.28]]]},"
        + "\"properties\":" + weibin.get("properties") + "}";
    String etag = admin.get("/api/districts/" + weibin.get("id").asLong()).header("ETag");
    Http.Response put = admin.put("/api/districts/" + weibin.get("id").asLong(), body, etag);
    assertThat(put.status()).as(put.body()).isEqualTo(200);

    Http.Response geo = anonymous.get("/api/progress/districts.geojson?asOf=2023-07-15");
    assertThat(geo.status()).isEqualTo(200);
    assertThat(geo.header("Content-Type")).startsWith("application/geo+json");
    JsonNode fc = geo.json();
    assertThat(fc.get("features").size()).isEqualTo(11);
    JsonNode w = null;
    for (JsonNode f : fc.get("features")) {
      if (f.at("/properties/code").asString().equals("weibin")) {
        w = f;
      }
    }
    assertThat(w.at("/geometry/type").asString()).isEqualTo("Polygon");
    assertThat(w.at("/properties/target_households").asLong()).isEqualTo(3279);
    assertThat(w.at("/properties/planned_communities").isNumber()).isTrue();
    assertThat(w.at("/properties/started_share").isNumber()).isTrue();

    Http.Response report = leader.get("/api/progress/report?asOf=2023-07-15");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.header("Content-Type")).startsWith("text/html");
    String html = report.body();
    assertThat(html).contains("<svg").contains("<path").contains("卫滨区").contains("22,149")
        .contains("2023-07-15");
    // Nothing is fetched: no tiles, stylesheets, scripts or fonts from elsewhere.
    assertThat(html).doesNotContain("<link").doesNotContain("<script").doesNotContain("<img")
        .doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
  }

  @Test
  void rolesOfTheProgressEndpoints() {
    assertThat(anonymous.get("/api/progress/summary").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/progress/districts.geojson").status()).isEqualTo(200);
    for (String path : new String[] {"/api/progress/overdue", "/api/progress/evaluation",
        "/api/progress/report"}) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
      assertThat(utility.get(path).status()).as(path).isEqualTo(403);
      assertThat(leader.get(path).status()).as(path).isEqualTo(200);
      assertThat(planner.get(path).status()).as(path).isEqualTo(200);
    }
  }
}
