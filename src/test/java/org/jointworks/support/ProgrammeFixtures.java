package org.jointworks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Builds the renovation programme's fixtures through HTTP: communities, projects, consent and
 * transitions, each in a place of its own so tests sharing a context do not see each other's.
 */
public final class ProgrammeFixtures {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private ProgrammeFixtures() {}

  /** A new community (3 buildings, 12000.5 m²) in {@code district}; returns its id. */
  public static long community(Http admin, String district, long households) {
    int n = SEQ.incrementAndGet();
    Http.Response r = admin.post("/api/communities", Fixtures.community("测试小区" + n, district,
        113.80 + (n % 50) * 0.003, 35.20 + (n / 50) * 0.003, 0.001, households));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  public static String projectBody(long communityId, double budgetYuan) {
    return String.format(Locale.ROOT, """
        {"communityId":%d,"budgetYuan":%.2f,
         "content":[{"code":"gas","note":"立管更换"},{"code":"exterior_walls"},{"code":"lifts"}],
         "funding":[{"source":"central_subsidy","amountYuan":%.2f},
                    {"source":"residents","amountYuan":%.2f}],
         "safeguards":"专人负责，统筹施工","constructionUnit":"卫滨区城投公司",
         "supervisingUnit":"胜利路街道办事处","responsiblePerson":"王建国",
         "surveyFindings":[{"kind":"safety_hazard","code":"gas","description":"燃气立管锈蚀"}],
         "surveyedOn":"2023-01-10"}""", communityId, budgetYuan, budgetYuan * 0.8,
        budgetYuan * 0.2);
  }

  /**
   * The client that writes for {@code district}: since issue 12 a county's projects are written
   * by its own officer, so the fixtures' "planner" (the writer of the tests before) stands for the
   * district's officer; any other client is used as it is (to test refusals).
   */
  public static Http writer(Http client, String district) {
    return "planner".equals(client.user()) ? client.as(district + "_officer") : client;
  }

  /** Files {@code district}'s plan (as ADMIN, today by the test clock); returns the filed plan. */
  public static JsonNode file(Http admin, String district) {
    Http.Response r = admin.post("/api/county-plans", "{\"district\":\"" + district
        + "\",\"reporter\":\"信息员\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** A project in {@code district} with {@code households}; returns its JSON. */
  public static JsonNode project(Http admin, Http planner, String district, long households) {
    long c = community(admin, district, households);
    Http.Response r = writer(planner, district).post("/api/projects", projectBody(c, 1_000_000));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** Takes the step on {@code on}: moves the business clock there, sends no date. */
  public static JsonNode step(Http planner, JsonNode project, String to, String on) {
    TestClock.set(on);
    Http.Response r = writer(planner, project.get("district").asString()).post(
        "/api/projects/" + project.get("id").asLong() + "/transitions",
        "{\"to\":\"" + to + "\",\"version\":" + project.get("version").asLong() + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Records a consent count collected on {@code on}, recorded that day (the clock moves there). */
  public static Http.Response consent(Http planner, long projectId, String question, long yes,
      String on) {
    if (!java.time.LocalDate.parse(on).isAfter(java.time.LocalDate.of(2100, 1, 1))) {
      TestClock.set(on);
    }
    String district = planner.as("admin").get("/api/projects/" + projectId).json()
        .get("district").asString();
    return writer(planner, district).post("/api/projects/" + projectId + "/consent",
        String.format(Locale.ROOT,
        "{\"question\":\"%s\",\"householdsConsenting\":%d,\"collectedOn\":\"%s\","
            + "\"evidenceRef\":\"签字表-%d\"}", question, yes, on, projectId));
  }

  /**
   * The city office approves the project's scheme as it stands, today by the test clock (a start
   * needs it since issue 12); returns the approval.
   */
  public static JsonNode approveScheme(Http any, long projectId) {
    JsonNode p = any.as("admin").get("/api/projects/" + projectId).json();
    Http.Response r = any.as("city_office").post("/api/projects/" + projectId
        + "/scheme-approvals", "{\"reference\":\"新百城办方案审-" + projectId + "\",\"version\":"
        + p.get("version").asLong() + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /**
   * Drafts the scheme, records both consents with the given counts, collects them and has the
   * city office approve the scheme (so a start waits on consent alone); returns the project.
   */
  public static JsonNode toConsentCollected(Http planner, JsonNode project, long yesScheme,
      long yesManagement) {
    JsonNode p = step(planner, project, "scheme_drafted", "2023-03-01");
    long id = p.get("id").asLong();
    assertThat(consent(planner, id, "scheme", yesScheme, "2023-03-05").status()).isEqualTo(201);
    assertThat(consent(planner, id, "property_management", yesManagement, "2023-03-05").status())
        .isEqualTo(201);
    step(planner, planner.get("/api/projects/" + id).json(),
        "consent_collected", "2023-03-06");
    approveScheme(planner, id);
    return planner.as("admin").get("/api/projects/" + id).json();
  }
}
