package org.jointworks.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Planner-drawn joint areas through HTTP: roles, optimistic locking, the overlap rule,
 * validation, reports, previews and facility gaps, on the city of {@link LinkageContract}.
 * Each test draws in its own part of the map so the tests do not overlap each other's areas.
 */
abstract class LinkedAreaContract extends LinkageContract {

  long auditRows(long id) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_log WHERE subject = 'linked_areas' AND subject_id = ?",
        Long.class, id);
  }

  @Test
  void plannersDrawAndEveryoneSignedInReadsWithOptimisticLocking() {
    String body = area("丁片区", LON + 0.0165, LAT - 0.0005, 0.002, 0.002, "");
    assertThat(anonymous.post("/api/linked-areas", body).status()).isEqualTo(401);
    assertThat(leader.post("/api/linked-areas", body).status()).isEqualTo(403);
    assertThat(utility.post("/api/linked-areas", body).status()).isEqualTo(403);
    Http.Response created = planner.post("/api/linked-areas", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    long id = created.json().get("id").asLong();
    assertThat(created.header("Location")).endsWith("/api/linked-areas/" + id);
    assertThat(created.json().at("/properties/created_by").asString()).isEqualTo("planner");

    assertThat(anonymous.get("/api/linked-areas/" + id).status()).isEqualTo(401);
    assertThat(anonymous.get("/api/linked-areas").status()).isEqualTo(401);
    assertThat(leader.get("/api/linked-areas/" + id).json().at("/properties/name").asString())
        .isEqualTo("丁片区");
    assertThat(utility.get("/api/linked-areas").json().get("features").toString())
        .contains("丁片区");

    String renamed = area("丁片区二", LON + 0.0165, LAT - 0.0005, 0.002, 0.002, "");
    assertThat(leader.put("/api/linked-areas/" + id, renamed, "\"1\"").status()).isEqualTo(403);
    Http.Response updated = admin.put("/api/linked-areas/" + id, renamed, "\"1\"");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");
    assertThat(updated.json().at("/properties/updated_by").asString()).isEqualTo("admin");
    // Stale: If-Match answers 412, a body version 409, neither 428; nothing is overwritten.
    assertThat(planner.put("/api/linked-areas/" + id, renamed, "\"1\"").status()).isEqualTo(412);
    String staleBody = area("旧", LON + 0.0165, LAT - 0.0005, 0.002, 0.002, "\"version\":1,");
    assertThat(planner.put("/api/linked-areas/" + id, staleBody, null).status()).isEqualTo(409);
    assertThat(planner.put("/api/linked-areas/" + id, renamed, null).status()).isEqualTo(428);
    assertThat(planner.get("/api/linked-areas/" + id).json().at("/properties/name").asString())
        .isEqualTo("丁片区二");

    assertThat(utility.delete("/api/linked-areas/" + id, "\"2\"").status()).isEqualTo(403);
    assertThat(planner.delete("/api/linked-areas/" + id, "\"1\"").status()).isEqualTo(412);
    assertThat(planner.delete("/api/linked-areas/" + id, null).status()).isEqualTo(428);
    assertThat(planner.delete("/api/linked-areas/" + id, "\"2\"").status()).isEqualTo(204);
    assertThat(planner.get("/api/linked-areas/" + id).status()).isEqualTo(404);
    assertThat(planner.put("/api/linked-areas/" + id, renamed, "\"2\"").status()).isEqualTo(404);
    assertThat(auditRows(id)).isEqualTo(3);
  }

  @Test
  void overlapWithAStoredAreaIsRefusedUnlessAllowedAndPreviewNamesIt() {
    Http.Response first = planner.post("/api/linked-areas",
        area("北片", LON + 0.010, LAT + 0.003, 0.002, 0.002, ""));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    long firstId = first.json().get("id").asLong();
    String half = area("北片重叠", LON + 0.011, LAT + 0.003, 0.002, 0.002, "");
    Http.Response refused = planner.post("/api/linked-areas", half);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().at("/overlaps/0/id").asLong()).isEqualTo(firstId);
    assertThat(refused.json().at("/overlaps/0/overlapM2").asDouble()).isGreaterThan(15_000);
    Http.Response allowed = planner.post("/api/linked-areas",
        area("北片重叠", LON + 0.011, LAT + 0.003, 0.002, 0.002, "\"allowOverlap\":true,"));
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
    // A sliver along a shared edge (about 40 m²) is drawing noise, within the tolerance.
    Http.Response sliver = planner.post("/api/linked-areas",
        area("北片西", LON + 0.008002, LAT + 0.003, 0.002, 0.002, ""));
    assertThat(sliver.status()).as(sliver.body()).isEqualTo(201);

    assertThat(anonymous.post("/api/linked-areas/preview", half).status()).isEqualTo(401);
    assertThat(leader.post("/api/linked-areas/preview", half).status()).isEqualTo(403);
    Http.Response preview = planner.post("/api/linked-areas/preview", half);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("overlaps").toString()).contains("\"id\":" + firstId);
  }

  @Test
  void invalidAreasAnswer4xxWithTheReason() {
    String selfIntersecting = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[113.85,35.30],[113.86,35.31],[113.86,35.30],[113.85,35.31],[113.85,35.30]]]},
         "properties":{"name":"坏"}}""";
    Http.Response r = planner.post("/api/linked-areas", selfIntersecting);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("detail").asString()).contains("Self-intersection");
    String threePoints = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[113.85,35.30],[113.86,35.31],[113.85,35.30]]]},
         "properties":{"name":"三点"}}""";
    assertThat(planner.post("/api/linked-areas", threePoints).json().get("detail").asString())
        .contains("at least 4 positions");
    Http.Response outside = planner.post("/api/linked-areas",
        area("远方", 120.0, 30.0, 0.01, 0.01, ""));
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.json().get("detail").asString()).contains("outside the city");
    String point = """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[113.85,35.30]},"properties":{"name":"点"}}""";
    assertThat(planner.post("/api/linked-areas", point).status()).isEqualTo(422);
    assertThat(planner.post("/api/linked-areas",
        area("", LON, LAT, 0.001, 0.001, "")).status()).isEqualTo(422);
    assertThat(planner.post("/api/linked-areas", "{\"type\":\"Feature\",").status())
        .isEqualTo(400);
    assertThat(planner.post("/api/linked-areas", "[]").status()).isEqualTo(400);
    assertThat(planner.post("/api/linked-areas/preview", selfIntersecting).status())
        .isEqualTo(422);
    assertThat(planner.get("/api/linked-areas/abc").status()).isEqualTo(400);
    assertThat(planner.get("/api/linked-areas/987654321/report").status()).isEqualTo(404);
  }

  @Test
  void reportListsMembersPartialMembersTotalsPipelinesWorksAndFacilities() {
    Http.Response created = planner.post("/api/linked-areas",
        area("甲乙片区", LON - 0.0001, LAT - 0.00005, 0.0028, 0.001, ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(anonymous.get("/api/linked-areas/" + id + "/report").status()).isEqualTo(401);
    Http.Response r = leader.get("/api/linked-areas/" + id + "/report");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(ids(report.get("members").findValues("id").stream()
        .collect(Http.JSON::createArrayNode, (arr, n) -> arr.add(n), (x, y) -> x.addAll(y))))
        .containsExactly(a, b);
    assertThat(report.at("/members/0/shareInside").asDouble()).isCloseTo(0.95, within(0.01));
    assertThat(report.at("/partialMembers/0/id").asLong()).isEqualTo(c);
    assertThat(report.at("/partialMembers/0/shareInside").asDouble()).isCloseTo(0.19,
        within(0.01));
    assertThat(report.at("/totals/households").asLong()).isEqualTo(300);
    assertThat(report.at("/totals/communities").asInt()).isEqualTo(2);
    assertThat(report.at("/pipelines/0/utility").asString()).isEqualTo("gas");
    assertThat(report.at("/pipelines/0/lengthInsideMeters").asDouble()).isCloseTo(190.8,
        within(1.0));
    assertThat(report.at("/works/0/utility").asString()).isEqualTo("gas");
    assertThat(report.get("facilities").findValuesAsString("kind"))
        .containsExactlyInAnyOrder("elderly_care", "clinic");
    assertThat(report.get("missingFacilityKinds").toString()).contains("childcare")
        .doesNotContain("elderly_care");

    JsonNode gaps = utility.get("/api/linked-areas/" + id + "/facility-gaps").json();
    assertThat(gaps.get("missing").toString()).contains("childcare", "kindergarten")
        .doesNotContain("clinic");
    assertThat(anonymous.get("/api/linked-areas/" + id + "/facility-gaps").status())
        .isEqualTo(401);
    assertThat(leader.get("/api/linked-areas/" + id + "/facility-gaps?walkMeters=0").status())
        .isEqualTo(400);
  }

  @Test
  void communityFacilityGapsNameTheMissingKinds() {
    assertThat(anonymous.get("/api/communities/" + a + "/facility-gaps").status())
        .isEqualTo(401);
    Http.Response r = utility.get("/api/communities/" + a + "/facility-gaps?walkMeters=150");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode gaps = r.json();
    assertThat(gaps.get("kinds").get(0).get("kind").asString()).isEqualTo("elderly_care");
    assertThat(gaps.get("kinds").get(0).get("present").asBoolean()).isTrue();
    assertThat(gaps.get("missing").toString()).contains("childcare", "clinic");
    assertThat(leader.get("/api/communities/" + d + "/facility-gaps").json().get("missing")
        .toString()).contains("elderly_care");
    assertThat(leader.get("/api/communities/999999999/facility-gaps").status()).isEqualTo(404);
    assertThat(leader.get("/api/communities/" + a + "/facility-gaps?walkMeters=-1").status())
        .isEqualTo(400);
  }
}
