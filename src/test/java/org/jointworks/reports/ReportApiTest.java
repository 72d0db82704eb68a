package org.jointworks.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.writer;

import java.util.Locale;
import org.jointworks.projects.ProgrammeContext;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Monthly reports through HTTP: the county's officer submits (with its named reporter), only the
 * county leader's approval makes a report count, and late, corrected, unapproved and missing
 * months are recorded as such. Since issue 12 the figures must agree with the records (these
 * counties have no projects in this context, so they report zeros) and the days are the server's
 * (the test clock follows each request's day).
 */
class ReportApiTest extends ProgrammeContext {

  private Http.Response submit(String district, String period, String on) {
    Http client = java.util.List.of(COUNTIES).contains(district) ? officer(district) : admin;
    return client.post("/api/reports", String.format(Locale.ROOT, "{\"district\":\"%s\","
        + "\"period\":\"%s\",\"submittedOn\":\"%s\",\"projectsStarted\":0,"
        + "\"projectsCompleted\":0,\"householdsCompleted\":0,\"investmentYuan\":1200000,"
        + "\"reporter\":\"王丽华\"}", district, period, on));
  }

  private JsonNode approve(JsonNode report, String on) {
    Http.Response r = countyLeader(report.get("district").asString()).post("/api/reports/" + report.get("id").asLong() + "/approval",
        "{\"decision\":\"approved\",\"on\":\"" + on + "\",\"version\":"
            + report.get("version").asLong() + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void reportsCountOnceApprovedAndLateCorrectedUnapprovedMissingAreRecorded() {
    JsonNode feb = submit("huixian", "2023-02", "2023-03-08").json();
    assertThat(feb.get("status").asString()).isEqualTo("submitted");
    assertThat(feb.get("dueOn").asString()).isEqualTo("2023-03-10");
    assertThat(feb.get("late").asBoolean()).isFalse();
    approve(feb, "2023-03-09");

    JsonNode mar = submit("huixian", "2023-03", "2023-04-13").json();
    assertThat(mar.get("late").asBoolean()).isTrue();
    assertThat(mar.get("daysLate").asLong()).isEqualTo(3);
    approve(mar, "2023-04-14");

    JsonNode apr = approve(submit("huixian", "2023-04", "2023-05-05").json(), "2023-05-06");
    Http.Response corrected = writer(planner, "huixian").put("/api/reports/" + apr.get("id").asLong(),
        "{\"correctedOn\":\"2023-05-20\",\"projectsStarted\":0,\"projectsCompleted\":0,"
            + "\"householdsCompleted\":0,\"investmentYuan\":1100000,\"note\":\"更正\"}",
        "\"" + apr.get("version").asLong() + "\"");
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    JsonNode c = corrected.json();
    assertThat(c.get("corrections").asInt()).isEqualTo(1);
    assertThat(c.get("status").asString()).isEqualTo("submitted");
    assertThat(c.has("approvedBy")).isFalse();
    JsonNode reapproved = approve(c, "2023-05-21");
    assertThat(reapproved.get("approvedBy").asString()).isEqualTo("huixian_leader");

    submit("huixian", "2023-05", "2023-06-09");

    JsonNode months = leader.get("/api/reports/timeliness?asOf=2023-07-15").json()
        .get("huixian");
    assertThat(months.size()).isEqualTo(5);
    assertThat(months.get(0).get("state").asString()).isEqualTo("on_time");
    assertThat(months.get(0).get("score").asDouble()).isEqualTo(1.0);
    assertThat(months.get(1).get("state").asString()).isEqualTo("late");
    assertThat(months.get(1).get("score").asDouble()).isEqualTo(0.5);
    assertThat(months.get(2).get("state").asString()).isEqualTo("corrected");
    assertThat(months.get(2).get("score").asDouble()).isEqualTo(0.75);
    assertThat(months.get(3).get("state").asString()).isEqualTo("unapproved");
    assertThat(months.get(3).get("score").asDouble()).isEqualTo(0.0);
    assertThat(months.get(4).get("state").asString()).isEqualTo("missing");
    assertThat(months.get(4).get("period").asString()).isEqualTo("2023-06");
  }

  @Test
  void aMonthIsReportedOnceAndFiguresAreChecked() {
    assertThat(submit("yanjin", "2023-02", "2023-03-01").status()).isEqualTo(201);
    Http.Response again = submit("yanjin", "2023-02", "2023-03-02");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("correct that report");
    assertThat(submit("yanjin", "2023-13", "2023-03-01").status()).isEqualTo(422);
    assertThat(submit("nowhere", "2023-03", "2023-04-01").status()).isEqualTo(422);
    assertThat(submit("yanjin", "2023-05", "2023-04-01").status()).isEqualTo(422);
    assertThat(writer(planner, "yanjin").post("/api/reports", "{\"district\":\"yanjin\",\"period\":\"2023-06\","
        + "\"projectsStarted\":-1,\"investmentYuan\":1}").status()).isEqualTo(422);
  }

  @Test
  void rolesOfTheReportEndpoints() {
    JsonNode r = submit("yanjin", "2023-03", "2023-04-02").json();
    long id = r.get("id").asLong();
    String decision = "{\"decision\":\"approved\",\"on\":\"2023-04-03\",\"version\":1}";
    assertThat(writer(planner, "yanjin").post("/api/reports/" + id + "/approval", decision).status())
        .isEqualTo(403);
    assertThat(admin.post("/api/reports/" + id + "/approval", decision).status()).isEqualTo(403);
    assertThat(anonymous.get("/api/reports").status()).isEqualTo(401);
    assertThat(utility.get("/api/reports").status()).isEqualTo(403);
    assertThat(utility.get("/api/reports/timeliness").status()).isEqualTo(403);
    assertThat(leader.get("/api/reports/" + id).header("ETag")).isEqualTo("\"1\"");
    assertThat(leader.post("/api/reports", "{}").status()).isEqualTo(403);
    assertThat(leader.put("/api/reports/" + id, "{}", "\"1\"").status()).isEqualTo(403);
    // Issue 12: the city-wide LEADER no longer approves; the county unit's leader does.
    assertThat(leader.post("/api/reports/" + id + "/approval", decision).status())
        .isEqualTo(403);
    Http yanjinLeader = countyLeader("yanjin");
    assertThat(yanjinLeader.post("/api/reports/" + id + "/approval", "{\"decision\":\"maybe\","
        + "\"version\":1}").status()).isEqualTo(422);
    assertThat(yanjinLeader.post("/api/reports/" + id + "/approval", "{\"decision\":"
        + "\"returned\",\"on\":\"2023-04-03\",\"version\":1}").status()).isEqualTo(200);
    assertThat(yanjinLeader.post("/api/reports/" + id + "/approval",
        decision.replace("1}", "2}")).status()).isEqualTo(409);
  }
}
