package org.jointworks.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.permits.Patch.work;
import static org.jointworks.support.Fixtures.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jointworks.support.Http;
import org.jointworks.support.ProgrammeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The works permit through HTTP on a real store: a work goes from draft to approved only through
 * the road-works authority, with its conflicts resolved on record; every refusal the issue names
 * (self-approval through every write door, works for another organisation, approval with an open
 * conflict, a start before consent) answers its code; every step is audited.
 */
abstract class PermitsContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;
  Http admin;
  Http roads;
  Http gas;
  Http water;

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    roads = anonymous.as("roads");
    gas = anonymous.as("gas");
    water = anonymous.as("water_supply");
  }

  long create(Http who, String feature) {
    Http.Response r = who.post("/api/works", feature);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  long imported(String feature) {
    Http.Response r = admin.post("/api/import/works", collection(feature));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("ids").get(0).asLong();
  }

  JsonNode step(Http who, long id, String step, int expected) {
    return step(who, id, step, null, expected);
  }

  JsonNode step(Http who, long id, String step, String reason, int expected) {
    Http.Response r = who.post("/api/works/" + id + "/" + step,
        reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
    assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(expected);
    return r.json();
  }

  String status(long id) {
    return admin.get("/api/works/" + id).json().at("/properties/status").asString();
  }

  @Test
  void aWorkReachesApprovedOnlyThroughTheAuthority() {
    Patch p = new Patch();
    long id = create(gas, work(p.line(0, 0, 100, 0), "gas", "gas", null, "2023-05-01",
        "2023-05-20"));
    assertThat(status(id)).isEqualTo("draft");

    JsonNode submitted = step(gas, id, "submit", 200);
    assertThat(submitted.get("status").asString()).isEqualTo("submitted");
    assertThat(submitted.at("/step/actor").asString()).isEqualTo("gas");
    assertThat(submitted.at("/step/onDate").asString()).isEqualTo(LocalDate.now().toString());
    assertThat(submitted.get("conflicts").size()).isZero();

    // Self-approval, whatever the door.
    step(gas, id, "approve", 403);
    assertThat(step(admin, id, "approve", 403)).isNotNull();
    Http.Response read = gas.get("/api/works/" + id);
    String approvedBody = read.body().replace("\"submitted\"", "\"approved\"");
    Http.Response put = gas.put("/api/works/" + id, approvedBody, read.header("ETag"));
    assertThat(put.status()).as(put.body()).isEqualTo(403);
    assertThat(put.json().get("code").asString()).isEqualTo("works.status_by_permit");
    assertThat(status(id)).isEqualTo("submitted");

    JsonNode approved = step(roads, id, "approve", 200);
    assertThat(approved.get("status").asString()).isEqualTo("approved");
    assertThat(approved.at("/step/actor").asString()).isEqualTo("roads");

    // A granted work is no longer edited by its promoter.
    read = gas.get("/api/works/" + id);
    Http.Response edit = gas.put("/api/works/" + id, read.body(), read.header("ETag"));
    assertThat(edit.status()).as(edit.body()).isEqualTo(409);
    assertThat(edit.json().get("code").asString()).isEqualTo("works.locked");

    assertThat(step(water, id, "start", 403).get("code").asString())
        .isEqualTo("permits.not_promoter");
    step(gas, id, "start", 200);
    step(gas, id, "complete", 200);
    assertThat(status(id)).isEqualTo("completed");
    assertThat(step(gas, id, "start", 409).get("code").asString())
        .isEqualTo("permits.wrong_status");

    JsonNode register = gas.get("/api/works/" + id + "/permit").json();
    assertThat(register.get("steps").findValuesAsString("action"))
        .containsExactly("submit", "approve", "start", "complete");
    assertThat(register.get("steps").findValuesAsString("actor"))
        .containsExactly("gas", "roads", "gas", "gas");
    List<String> audited = jdbc.queryForList("SELECT action FROM audit_log WHERE subject = 'works'"
        + " AND subject_id = ? ORDER BY id", String.class, id);
    assertThat(audited).containsExactly("create", "permit.submit", "permit.approve",
        "permit.start", "permit.complete");
  }

  @Test
  void aUtilityStoresOnlyItsOwnDraftsThroughEveryDoor() {
    Patch p = new Patch();
    String approved = work(p.line(0, 0, 50, 0), "gas", "gas", "approved", "2023-05-01",
        "2023-05-20");
    Http.Response post = gas.post("/api/works", approved);
    assertThat(post.status()).as(post.body()).isEqualTo(403);
    assertThat(post.json().get("code").asString()).isEqualTo("works.status_by_permit");
    Http.Response imported = gas.post("/api/import/works", collection(approved));
    assertThat(imported.status()).as(imported.body()).isEqualTo(403);
    assertThat(imported.body()).contains("works.status_by_permit");
    Http.Response ogc = gas.send(gas.builder("/ogcapi/collections/works/items")
        .header("Content-Type", "application/geo+json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(approved)));
    assertThat(ogc.status()).as(ogc.body()).isEqualTo(403);
    assertThat(ogc.body()).contains("works.status_by_permit");

    Http.Response otherUtility = gas.post("/api/works", work(p.line(0, 0, 50, 0),
        "water_supply", "gas", null, "2023-05-01", "2023-05-20"));
    assertThat(otherUtility.status()).as(otherUtility.body()).isEqualTo(403);
    assertThat(otherUtility.json().get("code").asString()).isEqualTo("works.utility_not_yours");
    Http.Response otherOwner = gas.post("/api/works", work(p.line(0, 0, 50, 0),
        "water_supply", "water_supply", null, "2023-05-01", "2023-05-20"));
    assertThat(otherOwner.status()).as(otherOwner.body()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM works WHERE start_date = DATE"
        + " '2023-05-01' AND end_date = DATE '2023-05-20' AND status = 'approved'"
        + " AND owner = 'gas'", Integer.class)).isZero();

    long draft = create(gas, work(p.line(0, 0, 50, 0), "gas", "gas", "draft", "2023-05-01",
        "2023-05-20"));
    step(gas, draft, "submit", 200);
    Http.Response delete = gas.delete("/api/works/" + draft, "\"2\"");
    assertThat(delete.status()).as(delete.body()).isEqualTo(409);
    step(gas, draft, "withdraw", 200);
    assertThat(status(draft)).isEqualTo("withdrawn");
  }

  @Test
  void aRefusalSaysWhyAndTheChangedWorkIsSubmittedAgain() {
    Patch p = new Patch();
    long id = create(gas, work(p.line(0, 0, 80, 0), "gas", "gas", null, "2023-06-01",
        "2023-06-20"));
    step(gas, id, "submit", 200);
    assertThat(step(roads, id, "refuse", 422).get("code").asString())
        .isEqualTo("permits.reason_required");
    JsonNode refused = step(roads, id, "refuse", "traffic plan missing", 200);
    assertThat(refused.get("status").asString()).isEqualTo("refused");
    Http.Response read = gas.get("/api/works/" + id);
    Http.Response edit = gas.put("/api/works/" + id,
        read.body().replace("2023-06-20", "2023-06-25"), read.header("ETag"));
    assertThat(edit.status()).as(edit.body()).isEqualTo(200);
    step(gas, id, "submit", 200);
    JsonNode register = roads.get("/api/works/" + id + "/permit").json();
    assertThat(register.at("/steps/1/reason").asString()).isEqualTo("traffic plan missing");
    assertThat(register.get("status").asString()).isEqualTo("submitted");
  }

  @Test
  void approvalNeedsEveryConflictResolvedOnRecord() {
    Patch p = new Patch();
    long waterWork = imported(work(p.line(0, 0, 200, 0), "water_supply", "water_supply",
        "approved", "2023-03-01", "2023-03-31"));
    long gasWork = create(gas, work(p.line(0, 2, 200, 2), "gas", "gas", null, "2023-03-10",
        "2023-04-10"));
    JsonNode submitted = step(gas, gasWork, "submit", 200);
    assertThat(submitted.get("conflicts").size()).isEqualTo(1);
    assertThat(submitted.at("/conflicts/0/b/id").asLong()).isEqualTo(waterWork);

    JsonNode open = step(roads, gasWork, "approve", 409);
    assertThat(open.get("code").asString()).isEqualTo("permits.open_conflicts");
    assertThat(open.at("/errors/0/otherWorkId").asLong()).isEqualTo(waterWork);

    // A shared trench: gas proposes, water accepts; gas cannot accept for water.
    Http.Response proposal = gas.post("/api/collaborations", "{\"primaryWorkId\":" + waterWork
        + ",\"secondaryWorkId\":" + gasWork + ",\"startDate\":\"2023-03-10\","
        + "\"endDate\":\"2023-03-31\",\"note\":\"one trench\"}");
    assertThat(proposal.status()).as(proposal.body()).isEqualTo(201);
    long collaboration = proposal.json().get("id").asLong();
    assertThat(proposal.json().get("status").asString()).isEqualTo("proposed");
    assertThat(step(roads, gasWork, "approve", 409).get("code").asString())
        .isEqualTo("permits.open_conflicts");
    assertThat(gas.post("/api/collaborations/" + collaboration + "/accept", "{}").status())
        .isEqualTo(403);
    Http.Response accepted = water.post("/api/collaborations/" + collaboration + "/accept", "{}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");
    assertThat(accepted.json().get("secondaryAcceptedBy").asString()).isEqualTo("gas");
    assertThat(accepted.json().get("primaryAcceptedBy").asString()).isEqualTo("water_supply");
    step(roads, gasWork, "approve", 200);

    // The authority's override, with a reason.
    long telecom = create(anonymous.as("telecom"), work(p.line(0, -2, 200, -2), "telecom",
        "telecom", null, "2023-03-05", "2023-03-25"));
    step(anonymous.as("telecom"), telecom, "submit", 200);
    assertThat(step(roads, telecom, "approve", 409).at("/errors").size()).isEqualTo(2);
    for (long other : new long[] {waterWork, gasWork}) {
      Http.Response r = roads.post("/api/works/" + telecom + "/resolutions",
          "{\"otherWorkId\":" + other + ",\"kind\":\"override\",\"reason\":\"night works\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    assertThat(gas.post("/api/works/" + telecom + "/resolutions", "{\"otherWorkId\":" + waterWork
        + ",\"kind\":\"override\",\"reason\":\"mine\"}").status()).isEqualTo(403);
    step(roads, telecom, "approve", 200);

    // A reschedule that removes the conflict needs no record.
    Http power = anonymous.as("power");
    long later = create(power, work(p.line(0, 1, 200, 1), "power", "power", null, "2023-03-15",
        "2023-03-30"));
    step(power, later, "submit", 200);
    step(roads, later, "approve", 409);
    Http.Response read = power.get("/api/works/" + later);
    Http.Response moved = power.put("/api/works/" + later, read.body()
        .replace("2023-03-15", "2027-05-01").replace("2023-03-30", "2027-05-20"),
        read.header("ETag"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    step(roads, later, "approve", 200);
  }

  @Test
  void aMoratoriumNeedsTheAuthoritysException() {
    Patch p = new Patch();
    long done = imported(work(p.line(0, 0, 150, 0), "drainage", "drainage", "completed",
        "2023-03-01", "2023-03-31"));
    Http heating = anonymous.as("heating");
    long id = create(heating, work(p.line(0, 1.5, 150, 1.5), "heating", "heating", null,
        "2024-05-01", "2024-05-30"));
    JsonNode submitted = step(heating, id, "submit", 200);
    assertThat(submitted.at("/conflicts/0/kind").asString()).isEqualTo("moratorium");
    JsonNode refused = step(roads, id, "approve", 409);
    assertThat(refused.at("/errors/0/kind").asString()).isEqualTo("moratorium");
    assertThat(roads.post("/api/works/" + id + "/resolutions", "{\"otherWorkId\":" + done
        + ",\"kind\":\"override\",\"reason\":\"wrong kind\"}").status()).isEqualTo(201);
    assertThat(step(roads, id, "approve", 409).get("code").asString())
        .isEqualTo("permits.open_conflicts");
    Http.Response exception = roads.post("/api/works/" + id + "/resolutions",
        "{\"otherWorkId\":" + done + ",\"kind\":\"exception\",\"reason\":\"gas leak repair\"}");
    assertThat(exception.status()).as(exception.body()).isEqualTo(201);
    step(roads, id, "approve", 200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'works'"
        + " AND subject_id = ? AND action = 'permit.exception'", Integer.class, id)).isOne();
  }

  @Test
  void aWorkInARenovationCommunityStartsOnlyAfterItsConsentGate() {
    Http planner = anonymous.as("planner");
    JsonNode project = ProgrammeFixtures.project(admin, planner, "weibin", 100);
    long community = project.get("communityId").asLong();
    JsonNode c = admin.get("/api/communities/" + community).json();
    JsonNode ring = c.at("/geometry/coordinates/0");
    double lon0 = ring.get(0).get(0).asDouble();
    double lat0 = ring.get(0).get(1).asDouble();
    double lon1 = ring.get(2).get(0).asDouble();
    String across = String.format(java.util.Locale.ROOT,
        "{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}",
        lon0 - 0.0005, lat0 + 0.0005, lon1 + 0.0005, lat0 + 0.0005);
    long id = imported(work(across, "gas", "gas", "approved", "2023-04-01", "2023-04-30"));
    JsonNode blocked = step(gas, id, "start", 409);
    assertThat(blocked.get("code").asString()).isEqualTo("permits.consent_gate");
    assertThat(blocked.at("/errors/0/projectId").asLong()).isEqualTo(project.get("id").asLong());
    assertThat(status(id)).isEqualTo("approved");
    ProgrammeFixtures.toConsentCollected(planner, project, 80, 80);
    step(gas, id, "start", 200);
    assertThat(status(id)).isEqualTo("in_progress");
  }

  @Test
  void everyPermitEndpointHasItsRoleRule() {
    Patch p = new Patch();
    long id = imported(work(p.line(0, 0, 30, 0), "gas", "gas", "draft", "2023-05-01",
        "2023-05-20"));
    assertThat(anonymous.post("/api/works/" + id + "/submit", "{}").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/works/" + id + "/permit").status()).isEqualTo(401);
    for (String user : List.of("planner", "leader", "roads")) {
      assertThat(anonymous.as(user).post("/api/works/" + id + "/submit", "{}").status())
          .as(user).isEqualTo(403);
    }
    for (String user : List.of("planner", "leader", "gas", "admin")) {
      assertThat(anonymous.as(user).post("/api/works/" + id + "/approve", "{}").status())
          .as(user).isEqualTo(403);
      assertThat(anonymous.as(user).post("/api/works/" + id + "/refuse", "{}").status())
          .as(user).isEqualTo(403);
    }
    assertThat(roads.post("/api/works", work(p.line(0, 0, 30, 0), "gas", "gas", null,
        "2023-05-01", "2023-05-20")).status()).isEqualTo(403);
    assertThat(roads.post("/api/collaborations", "{}").status()).isEqualTo(403);
    assertThat(anonymous.get("/api/collaborations/1").status()).isEqualTo(401);
    assertThat(leaderMe().get("role").asString()).isEqualTo("LEADER");
    assertThat(roads.get("/api/me").json().get("role").asString()).isEqualTo("ROAD_AUTHORITY");
    Map<?, ?> none = Map.of();
    assertThat(none).isEmpty();
  }

  private JsonNode leaderMe() {
    return anonymous.as("leader").get("/api/me").json();
  }
}
