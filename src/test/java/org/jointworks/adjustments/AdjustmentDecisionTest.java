package org.jointworks.adjustments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.file;
import static org.jointworks.support.ProgrammeFixtures.project;
import static org.jointworks.support.ProgrammeFixtures.projectBody;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jointworks.projects.ProgrammeContext;
import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.jointworks.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The two steps of an adjustment through HTTP (issue 12): the county files, nothing changes; the
 * city office approves (applies, checked again against the filed baseline) or refuses with a
 * reason; decided adjustments are immutable; a concurrent second decision is 409; the filer never
 * decides; the county hears of the decision.
 */
class AdjustmentDecisionTest extends ProgrammeContext {
  @Autowired
  JdbcTemplate jdbc;

  private static String addOnly(String district, String name, long households, double budget) {
    String feature = Fixtures.community(name, district, 114.31, 35.06, 0.001, households);
    String project = projectBody(0, budget).replace("\"communityId\":0,", "");
    return "{\"district\":\"" + district + "\",\"add\":[{\"community\":" + feature
        + ",\"project\":" + project + "}],\"reason\":\"增补\",\"countyApprovalRef\":\"县政府同意\","
        + "\"housingFilingRef\":\"住建\",\"developmentFilingRef\":\"发改\","
        + "\"financeFilingRef\":\"财\"}";
  }

  private JsonNode fileAs(Http who, String body) {
    Http.Response r = who.post("/api/adjustments", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("status").asString()).isEqualTo("filed");
    return r.json();
  }

  private long planned(String district) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM projects p JOIN communities c"
        + " ON c.id = p.community_id WHERE c.district = ? AND p.in_plan", Long.class, district);
  }

  @Test
  void refusalNeedsAReasonChangesNothingAndIsFinal() {
    project(admin, planner, "yuanyang", 100);
    file(admin, "yuanyang");
    TestClock.set("2023-03-10");
    long before = planned("yuanyang");
    long id = fileAs(officer("yuanyang"), addOnly("yuanyang", "拒绝小区", 30, 500_000))
        .get("id").asLong();
    assertThat(planned("yuanyang")).isEqualTo(before);
    Http.Response noReason = cityOffice.post("/api/adjustments/" + id + "/refuse", "{}");
    assertThat(noReason.status()).isEqualTo(422);
    Http.Response refused = cityOffice.post("/api/adjustments/" + id + "/refuse",
        "{\"reason\":\"调入小区不在体检清单内\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(200);
    assertThat(refused.json().get("status").asString()).isEqualTo("refused");
    assertThat(refused.json().get("decisionReason").asString()).isEqualTo("调入小区不在体检清单内");
    assertThat(refused.json().get("decidedOn").asString()).isEqualTo("2023-03-10");
    assertThat(planned("yuanyang")).isEqualTo(before);
    Http.Response again = cityOffice.post("/api/adjustments/" + id + "/approve", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asString()).isEqualTo("adjustment.decided");
    assertThat(cityOffice.post("/api/adjustments/" + id + "/refuse", "{\"reason\":\"x\"}")
        .status()).isEqualTo(409);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'adjustments'"
        + " AND subject_id = ? AND action IN ('file', 'refuse')", Long.class, id)).isEqualTo(2);
    JsonNode inbox = officer("yuanyang").get("/api/notifications").json().get("messages");
    assertThat(inbox.toString()).contains("adjustment.refused").contains("原阳县");
  }

  @Test
  void theFilerNeverDecidesAndApprovalAppliesAndTellsTheCounty() {
    project(admin, planner, "huixian", 100);
    file(admin, "huixian");
    TestClock.set("2023-03-12");
    long before = planned("huixian");
    long id = fileAs(admin, addOnly("huixian", "管理员调入小区", 40, 600_000)).get("id").asLong();
    Http.Response own = admin.post("/api/adjustments/" + id + "/approve", "{}");
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("code").asString()).isEqualTo("adjustment.own");
    Http.Response approved = cityOffice.post("/api/adjustments/" + id + "/approve",
        "{\"reason\":\"同意\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("addedProjects").size()).isEqualTo(1);
    assertThat(planned("huixian")).isEqualTo(before + 1);
    assertThat(officer("huixian").get("/api/notifications").json().get("messages").toString())
        .contains("adjustment.approved");
    assertThat(officer("weibin").get("/api/notifications").json().get("messages").toString())
        .doesNotContain("adjustment.approved\",\"subject\":\"adjustments\",\"subjectId\":" + id
            + ",");
  }

  @Test
  void aPlanThatMovedSinceTheFilingIsRefusedAtApproval() {
    project(admin, planner, "fengquan", 100);
    file(admin, "fengquan");
    TestClock.set("2023-03-14");
    long first = fileAs(officer("fengquan"), addOnly("fengquan", "先调入小区", 20, 300_000))
        .get("id").asLong();
    long second = fileAs(officer("fengquan"), addOnly("fengquan", "后调入小区", 25, 300_000))
        .get("id").asLong();
    assertThat(cityOffice.post("/api/adjustments/" + first + "/approve", "{}").status())
        .isEqualTo(200);
    long before = planned("fengquan");
    Http.Response moved = cityOffice.post("/api/adjustments/" + second + "/approve", "{}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(409);
    assertThat(moved.json().get("code").asString()).isEqualTo("adjustment.baseline_moved");
    assertThat(planned("fengquan")).isEqualTo(before);
    JsonNode all = leader.get("/api/adjustments").json();
    for (JsonNode a : all) {
      if (a.get("id").asLong() == second) {
        assertThat(a.get("status").asString()).isEqualTo("filed");
      }
    }
  }

  @Test
  void twoConcurrentApprovalsApplyOnce() throws Exception {
    project(admin, planner, "muye", 100);
    file(admin, "muye");
    TestClock.set("2023-03-16");
    long before = planned("muye");
    long id = fileAs(officer("muye"), addOnly("muye", "并发调入小区", 30, 400_000))
        .get("id").asLong();
    var pool = Executors.newFixedThreadPool(2);
    try {
      var go = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Http who = i == 0 ? cityOffice : admin;
        answers.add(pool.submit(() -> {
          go.await();
          return who.post("/api/adjustments/" + id + "/approve", "{}").status();
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : answers) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(planned("muye")).isEqualTo(before + 1);
  }
}
