package org.jointworks.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.fuzz.JsonMutations.Kind.COUNT;
import static org.jointworks.fuzz.JsonMutations.Kind.DATE;
import static org.jointworks.fuzz.JsonMutations.Kind.GEOMETRY;
import static org.jointworks.fuzz.JsonMutations.Kind.MEASURE;
import static org.jointworks.fuzz.JsonMutations.Kind.NUMBER;
import static org.jointworks.fuzz.JsonMutations.Kind.TEXT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jointworks.fuzz.JsonMutations.Hot;
import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.jointworks.support.ProgrammeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The fuzz suite's contract, run against each store: more than a thousand hostile requests,
 * generated from valid seeds of every write endpoint and file format by seeded mutations
 * ({@link JsonMutations}, {@link ShapefileSeed}, {@link FileMutations}). Each must answer a 4xx
 * {@code application/problem+json} with a {@code code}, show no server path, class name or stack
 * trace, and leave every table as it was ({@link Fingerprint} before and after). The seed is
 * fixed ({@link #SEED}); set {@code -Djointworks.fuzz.seed=N} to try others. Failures are listed
 * together, each with its target and mutation, so one run shows them all.
 */
abstract class FuzzContract {
  static final long SEED = Long.getLong("jointworks.fuzz.seed", 20261129L);
  /** What an error body must never show: server paths, Java names, stack frames. */
  private static final Pattern LEAK = Pattern.compile(
      "/tmp/|jointworks-shp|jointworks-upload|\\b(org|java|javax|jakarta|tools|mil|sun)\\.[a-z]+\\."
          + "|Exception|\\tat |\\.java:|\\bnull\\b(?=\"? *(at|:))");

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** Whether the expensive cases (multi-megabyte bodies) run; both stores run them. */
  boolean big() {
    return true;
  }

  @Test
  void everyHostileInputIsRefusedWithAProblemAndStoresNothing() throws Exception {
    Http admin = Http.anonymous(port).as("admin");
    List<HostileCase> cases = cases(admin, new Random(SEED));
    Map<String, String> before = Fingerprint.of(dataSource);
    assertThat(before).as("the fingerprint covers the store's tables").containsKeys(
        "communities", "works", "districts", "audit_log", "projects", "monthly_reports",
        "inspections", "linked_areas", "app_state");
    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> byTarget = new TreeMap<>();
    for (HostileCase c : cases) {
      byTarget.merge(c.target(), 1, Integer::sum);
      String failure = check(c);
      if (failure == null && !Fingerprint.of(dataSource).equals(before)) {
        failure = "the stored data changed";
        before = Fingerprint.of(dataSource);
      }
      if (failure != null) {
        failures.add(c + ": " + failure);
      }
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.println("fuzz: " + cases.size() + " hostile cases in " + ms + " ms, seed " + SEED
        + ", " + failures.size() + " failed; per target " + byTarget);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(failures).as(failures.size() + " of " + cases.size() + " cases failed")
        .isEmpty();
  }

  /** Why the answer to {@code c} is wrong, or null when it is a clean refusal. */
  private String check(HostileCase c) {
    int status;
    String body;
    String type;
    try {
      if (c.body().length == 0 && c.method().equals("GET")) {
        // java.net.URI refuses a bad escape, which is the point of these cases: a raw socket.
        String[] raw = RawHttp.get(port, c.path(), c.user());
        status = Integer.parseInt(raw[0]);
        type = raw[1];
        body = raw[2];
      } else {
        HttpResponse<String> r = client.send(request(c), HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        body = r.body();
        type = r.headers().firstValue("Content-Type").orElse("");
      }
    } catch (java.io.IOException e) {
      return "no answer: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    if (status < 400 || status >= 500) {
      return "status " + status + ": " + abbreviate(body);
    }
    if (!type.startsWith("application/problem+json")) {
      return "status " + status + " as " + type + ": " + abbreviate(body);
    }
    JsonNode json;
    try {
      json = Http.JSON.readTree(body);
    } catch (RuntimeException e) {
      return "a problem body that is not JSON: " + abbreviate(body);
    }
    if (!json.path("code").isString() || json.path("code").asString().isBlank()) {
      return "no code: " + abbreviate(body);
    }
    if (LEAK.matcher(body).find()) {
      return "the body leaks internals: " + abbreviate(body);
    }
    return null;
  }

  private HttpRequest request(HostileCase c) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + c.path()))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (c.user() + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", c.contentType())
        .method(c.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
    if (c.ifMatch() != null) {
      b.header("If-Match", c.ifMatch());
    }
    return b.build();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  // ---- the seeds

  private List<HostileCase> cases(Http admin, Random rnd) {
    Http planner = Http.anonymous(port).as("planner");
    String community = Fixtures.community("种子小区", "weibin", 113.70, 35.10, 0.002, 100);
    Http.Response made = admin.post("/api/communities", community);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    long communityId = made.json().get("id").asLong();
    String communityTag = made.header("ETag");
    String work = Fixtures.work("gas", 113.71, 35.11, "2023-05-01", "2023-05-30");
    Http.Response w = admin.post("/api/works", work);
    assertThat(w.status()).as(w.body()).isEqualTo(201);
    long workId = w.json().get("id").asLong();
    String workTag = w.header("ETag");
    JsonNode district = admin.get("/api/districts?limit=1").json().at("/features/0");
    long districtId = district.get("id").asLong();
    String districtTag = admin.get("/api/districts/" + districtId).header("ETag");
    String districtBody = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"code\":\""
        + district.at("/properties/code").asString() + "\",\"name\":\"区\","
        + "\"target_communities\":3,\"target_households\":100,\"target_buildings\":5,"
        + "\"target_floor_area_m2\":1000.5,\"target_investment\":100000}}";
    JsonNode project = ProgrammeFixtures.project(admin, planner, "weibin", 100);
    long projectId = project.get("id").asLong();
    long freeCommunity = ProgrammeFixtures.community(admin, "weibin", 80);
    String area = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[113.70,35.10],[113.72,35.10],[113.72,35.12],[113.70,35.12],[113.70,35.10]]]},"
        + "\"properties\":{\"name\":\"种子片区\",\"note\":\"n\"}}";
    String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[113.70,35.10],[113.72,35.10],"
        + "[113.72,35.12],[113.70,35.12],[113.70,35.10]]]}";
    byte[] gpkg = bytes("/api/files/geopackage");

    List<HostileCase> out = new ArrayList<>();
    String json = "application/json";
    String geo = "application/geo+json";
    json(out, rnd, "import communities", "POST", "/api/import/communities", json, null,
        Fixtures.collection(community, Fixtures.community("乙", "hongqi", 113.75, 35.15, 0.002,
            50)),
        hot("/features/1/properties/households", COUNT),
        hot("/features/0/properties/floor_area_m2", MEASURE),
        hot("/features/1/properties/build_year", COUNT), hot("/features/0/geometry", GEOMETRY),
        hot("/features/1/properties/name", TEXT));
    json(out, rnd, "import works", "POST", "/api/import/works", geo, null,
        Fixtures.collection(work), hot("/features/0/properties/start_date", DATE),
        hot("/features/0/properties/kind", TEXT),
        hot("/features/0/properties/trench_width_m", MEASURE));
    json(out, rnd, "import pipelines", "POST", "/api/import/pipelines", json, null,
        Fixtures.collection(Fixtures.pipeline("gas", 113.72, 35.12)),
        hot("/features/0/properties/diameter_mm", MEASURE),
        hot("/features/0/properties/depth_m", MEASURE),
        hot("/features/0/properties/year_built", COUNT));
    json(out, rnd, "REST create community", "POST", "/api/communities", json, null, community,
        hot("/properties/households", COUNT), hot("/properties/buildings", COUNT),
        hot("/geometry", GEOMETRY), hot("/properties/name", TEXT));
    json(out, rnd, "REST replace community", "PUT", "/api/communities/" + communityId, json,
        communityTag, community, hot("/properties/floor_area_m2", MEASURE),
        hot("/properties/build_year", COUNT));
    json(out, rnd, "REST replace work", "PUT", "/api/works/" + workId, json, workTag, work,
        hot("/properties/end_date", DATE), hot("/geometry", GEOMETRY));
    json(out, rnd, "REST replace district", "PUT", "/api/districts/" + districtId, json,
        districtTag, districtBody, hot("/properties/target_households", COUNT),
        hot("/properties/target_investment", MEASURE));
    json(out, rnd, "REST create street", "POST", "/api/streets", json, null,
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[113.7,"
            + "35.1],[113.71,35.1]]},\"properties\":{\"name\":\"路\",\"width_m\":12}}",
        hot("/properties/width_m", MEASURE));
    json(out, rnd, "OGC create community", "POST", "/ogcapi/collections/communities/items",
        geo, null, community, hot("/properties/households", COUNT), hot("/geometry", GEOMETRY));
    json(out, rnd, "OGC replace work", "PUT", "/ogcapi/collections/works/items/" + workId,
        geo, workTag, work, hot("/properties/start_date", DATE));
    json(out, rnd, "OGC patch work", "PATCH", "/ogcapi/collections/works/items/" + workId,
        "application/merge-patch+json", workTag,
        "{\"properties\":{\"end_date\":\"2023-06-30\",\"trench_width_m\":1.2}}",
        hot("/properties/end_date", DATE), hot("/properties/trench_width_m", MEASURE));
    json(out, rnd, "OGC patch community", "PATCH",
        "/ogcapi/collections/communities/items/" + communityId, "application/merge-patch+json",
        communityTag, "{\"properties\":{\"households\":120}," + "\"geometry\":" + polygon + "}",
        hot("/properties/households", COUNT), hot("/geometry", GEOMETRY));
    json(out, rnd, "linkage suggestions", "POST", "/api/linkage/suggestions", json, null,
        "{\"gapMeters\":30,\"district\":\"weibin\",\"maxMembers\":6,\"limit\":10}",
        hot("/maxMembers", NUMBER), hot("/limit", NUMBER));
    json(out, rnd, "linked-area preview", "POST", "/api/linked-areas/preview", json, null, area,
        hot("/geometry", GEOMETRY));
    json(out, rnd, "linked-area create", "POST", "/api/linked-areas", json, null, area,
        hot("/geometry", GEOMETRY));
    json(out, rnd, "works check", "POST", "/api/works/check", json, null, work,
        hot("/properties/start_date", DATE), hot("/geometry", GEOMETRY));
    json(out, rnd, "construction plan", "POST", "/api/construction-plan", json, null, polygon);
    json(out, rnd, "project create", "POST", "/api/projects", json, null,
        ProgrammeFixtures.projectBody(freeCommunity, 1_000_000),
        hot("/budgetYuan", NUMBER), hot("/funding/0/amountYuan", NUMBER),
        hot("/surveyedOn", DATE), hot("/communityId", NUMBER));
    json(out, rnd, "project consent", "POST", "/api/projects/" + projectId + "/consent", json,
        null, "{\"question\":\"scheme\",\"yes\":90,\"no\":5,\"households\":100,"
            + "\"recordedOn\":\"2023-02-01\"}", hot("/yes", NUMBER), hot("/recordedOn", DATE));
    json(out, rnd, "monthly report", "POST", "/api/reports", json, null,
        "{\"district\":\"weibin\",\"period\":\"2023-05\",\"submittedOn\":\"2023-06-05\","
            + "\"projectsStarted\":5,\"projectsCompleted\":0,\"householdsCompleted\":0,"
            + "\"investmentYuan\":1200000}",
        hot("/projectsStarted", NUMBER), hot("/investmentYuan", NUMBER),
        hot("/submittedOn", DATE));
    json(out, rnd, "inspection", "POST", "/api/inspections", json, null,
        "{\"district\":\"weibin\",\"kind\":\"patrol\",\"inspectedOn\":\"2023-05-02\","
            + "\"inspector\":\"巡查组\",\"description\":\"围挡破损\",\"findingCount\":1,"
            + "\"rectificationDue\":\"2023-05-09\"}",
        hot("/findingCount", NUMBER), hot("/inspectedOn", DATE), hot("/rectificationDue", DATE));
    json(out, rnd, "adjustment check", "POST", "/api/adjustments/check", json, null,
        "{\"district\":\"weibin\",\"drop\":[],\"add\":[]}");

    String shpQuery = "?layer=communities&mapping=" + java.net.URLEncoder.encode(
        "{\"FLOOR_AREA\":\"floor_area_m2\"}", StandardCharsets.UTF_8);
    boolean preview = false;
    for (Map.Entry<String, byte[]> e : ShapefileSeed.mutations(rnd).entrySet()) {
      String path = (preview ? "/api/files/shapefile/preview" : "/api/files/shapefile")
          + shpQuery;
      out.add(new HostileCase(preview ? "shapefile preview" : "shapefile import", e.getKey(),
          "POST", path, "application/zip", e.getValue(), "admin", null));
      preview = !preview;
    }
    for (Map.Entry<String, byte[]> e : FileMutations.geoPackages(gpkg, rnd).entrySet()) {
      out.add(new HostileCase("geopackage import", e.getKey(), "POST", "/api/files/geopackage",
          "application/geopackage+sqlite3", e.getValue(), "admin", null));
    }
    for (Map.Entry<String, String[]> e : FileMutations.csvs(rnd, big()).entrySet()) {
      String q = e.getValue()[1] == null ? "?layer=communities&wkt=wkt" : e.getValue()[1];
      out.add(new HostileCase("csv import", e.getKey(), "POST", "/api/files/csv" + q,
          "text/csv", e.getValue()[0].getBytes(StandardCharsets.UTF_8), "admin", null));
    }
    for (String q : List.of("?bbox=NaN,NaN,NaN,NaN", "?bbox=113,91,114,92",
        "?bbox=113,35,114,100", "?bbox=-200,0,0,1", "?bbox=1,2,3", "?bbox=a,b,c,d",
        "?q=%zz", "?q=%E4%B8", "?bbox=113%2", "?q=%C3%28")) {
      out.add(new HostileCase("query", q, "GET", "/api/communities" + q, json, new byte[0],
          "admin", null));
    }
    for (String q : List.of("?bbox=NaN,NaN,NaN,NaN", "?bbox=113,91,114,92",
        "?bbox=113,35,114,100", "?limit=%zz")) {
      out.add(new HostileCase("OGC query", q, "GET", "/ogcapi/collections/communities/items"
          + q, json, new byte[0], "admin", null));
    }
    return out;
  }

  private static Hot hot(String pointer, JsonMutations.Kind kind) {
    return new Hot(pointer, kind);
  }

  private void json(List<HostileCase> out, Random rnd, String target, String method,
      String path, String type, String ifMatch, String seed, Hot... hots) {
    HostileCase c = new HostileCase(target, "seed", method, path, type,
        seed.getBytes(StandardCharsets.UTF_8), "admin", ifMatch);
    out.addAll(JsonMutations.all(c, List.of(hots), rnd, big()));
  }

  private byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              "admin:demo".getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
