package org.jointworks.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.permits.Patch.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The coordinated construction plan of a county approved as one package through HTTP: only the
 * authority decides; approving approves every submitted work at once; one work failing refuses
 * the package with the list and approves nothing; a snapshot whose work changed is refused; two
 * approvals racing approve once.
 */
abstract class PlanPackagesContract extends PublicViewContract {

  /** The patch's area, 950 m a side. */
  private static String square(Patch p) {
    String ring = String.format(Locale.ROOT,
        "[[%1$.9f,%2$.9f],[%3$.9f,%2$.9f],[%3$.9f,%4$.9f],[%1$.9f,%4$.9f],[%1$.9f,%2$.9f]]",
        p.lon(-50), p.lat(-50), p.lon(900), p.lat(900));
    return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
  }

  /** A county of its own covering the patch, so the package holds only this test's works. */
  private String county(Patch p) {
    String code = "pp" + Math.round(p.lon0 * 1000) + "_" + Math.round(p.lat0 * 1000);
    Http.Response r = admin.post("/api/districts", "{\"type\":\"Feature\",\"geometry\":"
        + square(p) + ",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + code
        + "\"}}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return code;
  }

  private long submitted(Http who, String utility, String geometry, String start, String end) {
    long id = create(who, work(geometry, utility, utility, null, start, end));
    step(who, id, "submit", 200);
    return id;
  }

  private JsonNode plan(String code, int expected) {
    Http.Response r = anonymous.as("planner").post("/api/plan-versions",
        "{\"scope\":\"county\",\"ref\":\"" + code + "\",\"note\":\"one dig\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(expected);
    return r.json();
  }

  private Http.Response decide(Http who, long version, String action, String reason) {
    return who.post("/api/plan-versions/" + version + "/" + action,
        reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
  }

  @Test
  void theAuthorityApprovesAPlanAndAllItsWorksAtOnce() {
    Patch p = new Patch();
    String code = county(p);
    long a = submitted(gas, "gas", p.line(0, 0, 100, 0), "2023-05-01", "2023-05-20");
    long b = submitted(water, "water_supply", p.line(0, 400, 100, 400), "2023-06-01",
        "2023-06-20");

    assertThat(gas.post("/api/plan-versions", "{\"scope\":\"county\",\"ref\":\"" + code + "\"}")
        .status()).isEqualTo(403);
    assertThat(anonymous.get("/api/plan-versions").status()).isEqualTo(401);
    assertThat(anonymous.as("planner").post("/api/plan-versions", "{\"scope\":\"city\","
        + "\"ref\":\"x\"}").json().get("code").asString()).isEqualTo("plan_versions.scope");
    JsonNode v = plan(code, 201);
    assertThat(v.get("status").asString()).isEqualTo("submitted");
    assertThat(v.get("versionNo").asInt()).isEqualTo(1);
    assertThat(v.get("works").findValues("id").stream().map(JsonNode::asLong))
        .containsExactlyInAnyOrder(a, b);
    long id = v.get("id").asLong();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE recipient = 'roads'"
        + " AND kind = 'plan.requested' AND subject_id = ?", Long.class, id)).isEqualTo(1);

    assertThat(decide(anonymous.as("planner"), id, "approve", null).status()).isEqualTo(403);
    assertThat(decide(gas, id, "approve", null).status()).isEqualTo(403);
    Http.Response ok = decide(roads, id, "approve", "coordinated");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("status").asString()).isEqualTo("approved");
    assertThat(ok.json().get("decidedBy").asString()).isEqualTo("roads");
    assertThat(status(a)).isEqualTo("approved");
    assertThat(status(b)).isEqualTo("approved");
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE subject = 'plan_versions'"
        + " AND subject_id = ? ORDER BY id", String.class, id))
        .containsExactly("plan.submit", "plan.approve");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'works'"
        + " AND action = 'permit.approve' AND subject_id IN (?, ?)", Long.class, a, b))
        .isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE recipient = 'gas'"
        + " AND kind = 'plan.approved' AND subject_id = ?", Long.class, id)).isEqualTo(1);
    assertThat(decide(roads, id, "refuse", "late").json().get("code").asString())
        .isEqualTo("plan_versions.decided");
    // The next version of the same county is numbered on; its works are the still-open ones.
    assertThat(plan(code, 201).get("versionNo").asInt()).isEqualTo(2);
  }

  @Test
  void theJointAreasPlanIsAPackageToo() {
    Patch p = new Patch();
    Http planner = anonymous.as("planner");
    Http.Response area = planner.post("/api/linked-areas", "{\"type\":\"Feature\",\"geometry\":"
        + square(p) + ",\"properties\":{\"name\":\"联片" + p.lon0 + "\"}}");
    assertThat(area.status()).as(area.body()).isEqualTo(201);
    String ref = area.json().get("id").asString();
    long a = submitted(gas, "gas", p.line(0, 0, 100, 0), "2023-05-01", "2023-05-20");
    assertThat(planner.post("/api/plan-versions", "{\"scope\":\"linked_area\",\"ref\":"
        + "\"999999999\"}").status()).isEqualTo(404);
    Http.Response v = planner.post("/api/plan-versions",
        "{\"scope\":\"linked_area\",\"ref\":\"" + ref + "\"}");
    assertThat(v.status()).as(v.body()).isEqualTo(201);
    assertThat(v.json().get("works").findValues("id").stream().map(JsonNode::asLong))
        .containsExactly(a);
    assertThat(planner.get("/api/plan-versions?scope=linked_area&ref=" + ref).json().size())
        .isEqualTo(1);
    Http.Response ok = decide(roads, v.json().get("id").asLong(), "approve", null);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(status(a)).isEqualTo("approved");
  }

  @Test
  void oneWorkWithAnOpenConflictRefusesThePackageAndNothingIsApproved() {
    Patch p = new Patch();
    String code = county(p);
    long clean = submitted(gas, "gas", p.line(0, 600, 100, 600), "2023-05-01", "2023-05-20");
    long water1 = submitted(water, "water_supply", p.line(0, 0, 200, 0), "2023-05-01",
        "2023-05-31");
    long gas1 = submitted(gas, "gas", p.line(0, 2, 200, 2), "2023-05-10", "2023-05-30");
    long id = plan(code, 201).get("id").asLong();

    Http.Response refused = decide(roads, id, "approve", null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("code").asString()).isEqualTo("plan_versions.not_approvable");
    assertThat(refused.json().get("errors").findValues("workId").stream().map(JsonNode::asLong))
        .containsExactlyInAnyOrder(water1, gas1);
    assertThat(refused.json().get("errors").findValuesAsString("code"))
        .containsOnly("permits.open_conflicts");
    assertThat(status(clean)).isEqualTo("submitted");
    assertThat(status(water1)).isEqualTo("submitted");
    assertThat(roads.get("/api/plan-versions/" + id).json().get("status").asString())
        .isEqualTo("submitted");

    assertThat(decide(roads, id, "refuse", null).status()).isEqualTo(422);
    Http.Response no = decide(roads, id, "refuse", "dig once: share the trench");
    assertThat(no.status()).as(no.body()).isEqualTo(200);
    assertThat(no.json().get("status").asString()).isEqualTo("refused");
    assertThat(no.json().get("reason").asString()).isEqualTo("dig once: share the trench");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE recipient ="
        + " 'water_supply' AND kind = 'plan.refused' AND subject_id = ?", Long.class, id))
        .isEqualTo(1);
    assertThat(decide(roads, id, "approve", null).json().get("code").asString())
        .isEqualTo("plan_versions.decided");
  }

  @Test
  void aPlanWhoseWorkChangedSinceItWasSubmittedIsRefused() {
    Patch p = new Patch();
    String code = county(p);
    long a = submitted(gas, "gas", p.line(0, 0, 100, 0), "2023-05-01", "2023-05-20");
    long b = submitted(water, "water_supply", p.line(0, 400, 100, 400), "2023-06-01",
        "2023-06-20");
    long id = plan(code, 201).get("id").asLong();
    Http.Response read = gas.get("/api/works/" + a);
    Http.Response edit = gas.put("/api/works/" + a,
        read.body().replace("2023-05-20", "2023-05-25"), read.header("ETag"));
    assertThat(edit.status()).as(edit.body()).isEqualTo(200);

    Http.Response refused = decide(roads, id, "approve", null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().at("/errors/0/workId").asLong()).isEqualTo(a);
    assertThat(refused.json().at("/errors/0/code").asString())
        .isEqualTo("plan_versions.work_changed");
    assertThat(status(b)).isEqualTo("submitted");
    // The snapshot is what was submitted, not the edited work.
    assertThat(roads.get("/api/plan-versions/" + id).json().toString()).contains("2023-05-20");
  }

  @Test
  void twoApprovalsRacingApproveThePackageOnce() throws Exception {
    Patch p = new Patch();
    String code = county(p);
    long a = submitted(gas, "gas", p.line(0, 0, 100, 0), "2023-05-01", "2023-05-20");
    long b = submitted(water, "water_supply", p.line(0, 400, 100, 400), "2023-06-01",
        "2023-06-20");
    long id = plan(code, 201).get("id").asLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> both = List.of(() -> decide(roads, id, "approve", null).status(),
          () -> decide(roads, id, "approve", null).status());
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(both)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdown();
    }
    for (long w : List.of(a, b)) {
      assertThat(status(w)).isEqualTo("approved");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_steps WHERE work_id = ?"
          + " AND action = 'approve'", Long.class, w)).isEqualTo(1);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject ="
        + " 'plan_versions' AND action = 'plan.approve' AND subject_id = ?", Long.class, id))
        .isEqualTo(1);
  }
}
