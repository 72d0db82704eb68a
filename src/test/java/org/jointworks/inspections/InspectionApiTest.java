package org.jointworks.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.ProgrammeFixtures.writer;
import static org.jointworks.support.ProgrammeFixtures.project;
import static org.jointworks.support.ProgrammeFixtures.step;
import static org.jointworks.support.ProgrammeFixtures.toConsentCollected;

import org.jointworks.projects.ProgrammeContext;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inspections through HTTP: findings and rectification, and acceptance as the workflow's gate. */
class InspectionApiTest extends ProgrammeContext {

  @Test
  void acceptanceNeedsAPassedAcceptanceInspection() {
    JsonNode p = toConsentCollected(planner, project(admin, planner, "fengquan", 30), 30, 28);
    p = step(planner, p, "started", "2023-03-10");
    p = step(planner, p, "completed", "2023-06-01");
    long id = p.get("id").asLong();
    Http.Response refused = writer(planner, "fengquan").post("/api/projects/" + id + "/transitions",
        "{\"to\":\"accepted\",\"on\":\"2023-06-10\",\"version\":" + p.get("version").asLong()
            + "}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("acceptance");
    Http.Response failed = writer(planner, "fengquan").post("/api/inspections", "{\"projectId\":" + id
        + ",\"kind\":\"acceptance\",\"inspectedOn\":\"2023-06-08\",\"inspector\":\"联合验收组\","
        + "\"outcome\":\"failed\",\"findingCount\":2,\"rectificationDue\":\"2023-06-20\"}");
    assertThat(failed.status()).as(failed.body()).isEqualTo(201);
    assertThat(failed.json().get("district").asString()).isEqualTo("fengquan");
    assertThat(writer(planner, "fengquan").post("/api/projects/" + id + "/transitions", "{\"to\":\"accepted\","
        + "\"on\":\"2023-06-10\",\"version\":" + p.get("version").asLong() + "}").status())
        .isEqualTo(409);
    // Issue 12: acceptance passes only with every finding closed, hand-over needs its record.
    assertThat(writer(planner, "fengquan").post("/api/inspections", "{\"projectId\":" + id
        + ",\"kind\":\"acceptance\",\"inspectedOn\":\"2023-06-21\",\"inspector\":\"联合验收组\","
        + "\"outcome\":\"passed\"}").status()).isEqualTo(409);
    assertThat(writer(planner, "fengquan").put("/api/inspections/" + failed.json().get("id")
        .asLong() + "/rectification", "{\"rectifiedOn\":\"2023-06-20\",\"note\":\"已整改\","
        + "\"version\":1}", null).status()).isEqualTo(200);
    assertThat(writer(planner, "fengquan").post("/api/inspections", "{\"projectId\":" + id
        + ",\"kind\":\"acceptance\",\"inspectedOn\":\"2023-06-21\",\"inspector\":\"联合验收组\","
        + "\"outcome\":\"passed\"}").status()).isEqualTo(201);
    p = step(planner, p, "accepted", "2023-06-22");
    assertThat(writer(planner, "fengquan").post("/api/inspections", "{\"projectId\":" + id
        + ",\"kind\":\"hand_over\",\"inspectedOn\":\"2023-06-30\",\"inspector\":"
        + "\"小区物业服务企业\"}").status()).isEqualTo(201);
    p = step(planner, p, "handed_over", "2023-06-30");
    assertThat(p.get("status").asString()).isEqualTo("handed_over");
  }

  @Test
  void findingsAreRectifiedWithOptimisticLocking() {
    Http.Response r = planner.post("/api/inspections", "{\"district\":\"fengquan\","
        + "\"kind\":\"patrol\",\"inspectedOn\":\"2023-05-02\",\"inspector\":\"巡查组\","
        + "\"description\":\"围挡破损\",\"findingCount\":1,\"rectificationDue\":\"2023-05-09\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    String path = "/api/inspections/" + id + "/rectification";
    assertThat(planner.put(path, "{\"rectifiedOn\":\"2023-05-08\",\"note\":\"已修复\"}", "\"9\"")
        .status()).isEqualTo(412);
    assertThat(planner.put(path, "{\"rectifiedOn\":\"2023-04-01\",\"note\":\"x\",\"version\":1}",
        null).status()).isEqualTo(422);
    Http.Response ok = planner.put(path, "{\"rectifiedOn\":\"2023-05-08\",\"note\":\"已修复\"}",
        "\"1\"");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("rectifiedOn").asString()).isEqualTo("2023-05-08");
    assertThat(planner.put(path, "{\"rectifiedOn\":\"2023-05-08\",\"note\":\"again\","
        + "\"version\":1}", null).status()).isEqualTo(409);
    assertThat(leader.get("/api/inspections?district=fengquan&kind=patrol").json().size())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void invalidRecordsAreRefused() {
    Http.Response complaint = planner.post("/api/inspections", "{\"district\":\"fengquan\","
        + "\"kind\":\"complaint\",\"inspectedOn\":\"2023-05-02\",\"inspector\":\"12345热线\","
        + "\"findingCount\":0}");
    assertThat(complaint.status()).isEqualTo(422);
    Http.Response noDue = planner.post("/api/inspections", "{\"district\":\"fengquan\","
        + "\"kind\":\"spot_check\",\"inspectedOn\":\"2023-05-02\",\"inspector\":\"抽检组\","
        + "\"findingCount\":3}");
    assertThat(noDue.status()).isEqualTo(422);
    assertThat(noDue.body()).contains("rectificationDue");
    assertThat(planner.post("/api/inspections", "{\"district\":\"fengquan\",\"kind\":\"party\","
        + "\"inspectedOn\":\"2023-05-02\",\"inspector\":\"x\"}").status()).isEqualTo(422);
    assertThat(planner.post("/api/inspections", "{\"district\":\"fengquan\","
        + "\"kind\":\"acceptance\",\"inspectedOn\":\"2023-05-02\",\"inspector\":\"x\","
        + "\"outcome\":\"passed\"}").status()).isEqualTo(422);
  }

  @Test
  void rolesOfTheInspectionEndpoints() {
    String body = "{\"district\":\"fengquan\",\"kind\":\"patrol\",\"inspectedOn\":\"2023-05-02\","
        + "\"inspector\":\"巡查组\"}";
    assertThat(anonymous.get("/api/inspections").status()).isEqualTo(401);
    assertThat(utility.get("/api/inspections").status()).isEqualTo(403);
    assertThat(leader.get("/api/inspections").status()).isEqualTo(200);
    assertThat(leader.post("/api/inspections", body).status()).isEqualTo(403);
    assertThat(utility.post("/api/inspections", body).status()).isEqualTo(403);
    Http.Response created = admin.post("/api/inspections", body);
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(leader.get("/api/inspections/" + id).header("ETag")).isEqualTo("\"1\"");
    assertThat(leader.put("/api/inspections/" + id + "/rectification",
        "{\"rectifiedOn\":\"2023-05-03\",\"note\":\"x\",\"version\":1}", null).status())
        .isEqualTo(403);
  }
}
