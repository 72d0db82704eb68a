package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.draft;
import static org.jointworks.support.Fixtures.pipeline;
import static org.jointworks.support.Fixtures.work;

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
 * The behaviour every store must show, through HTTP: import, export, editing with optimistic
 * locking, the write rules and the audit log. Subclasses run it on H2GIS and on PostGIS.
 */
abstract class StoreContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MetricLayers metricLayers;
  @Autowired
  FeatureRepository features;
  Http anonymous;
  Http admin;

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
  }

  long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  @Test
  void importAnswersIdsInInputOrderAndExportImportsBackUnchanged() {
    String body = collection(
        community("甲小区", "weibin", 113.850, 35.300, 0.001, 120),
        community("乙小区", "weibin", 113.852, 35.300, 0.001, 80),
        community("丙小区", "hongqi", 113.900, 35.290, 0.001, 60));
    Http.Response r = admin.post("/api/import/communities", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode answer = r.json();
    assertThat(answer.get("imported").asInt()).isEqualTo(3);
    List<Long> ids = new ArrayList<>();
    answer.get("ids").forEach(n -> ids.add(n.asLong()));
    assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();

    JsonNode first = anonymous.get("/api/communities/" + ids.get(0)).json();
    assertThat(first.at("/properties/name").asString()).isEqualTo("甲小区");
    assertThat(first.at("/properties/households").asLong()).isEqualTo(120);
    assertThat(first.at("/properties/floor_area_m2").asDouble()).isEqualTo(12000.5);

    JsonNode exported = anonymous.get("/api/export/communities").json();
    JsonNode mine = onlyIds(exported, ids);
    assertThat(mine.get("features").size()).isEqualTo(3);
    // The export imports back: same properties and geometry, new ids.
    Http.Response again = admin.post("/api/import/communities", mine.toString());
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    List<Long> newIds = new ArrayList<>();
    again.json().get("ids").forEach(n -> newIds.add(n.asLong()));
    JsonNode reExported = onlyIds(anonymous.get("/api/export/communities").json(), newIds);
    for (int i = 0; i < 3; i++) {
      JsonNode a = mine.get("features").get(i);
      JsonNode b = reExported.get("features").get(i);
      assertThat(b.get("properties")).isEqualTo(a.get("properties"));
      assertThat(b.get("geometry")).isEqualTo(a.get("geometry"));
    }
  }

  /**
   * Texts go in exactly as sent, whatever the store's bulk path must escape (PostGIS's COPY
   * text: backslash, tab, newline, carriage return), in any script; an absent optional number is
   * stored as null, not as a text.
   */
  @Test
  void importedTextsAndNullsComeBackExactly() {
    String name = "甲\\t乙\\\\丙\\n丁\\r戊 \\\\N \\\"引号\\\" \\\\.";
    String body = collection(community(name, "weibin", 113.861, 35.301, 0.001, 77)
        .replace(",\"build_year\":1992", ""));
    Http.Response r = admin.post("/api/import/communities", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode back = anonymous.get("/api/communities/" + r.json().at("/ids/0").asLong()).json();
    assertThat(back.at("/properties/name").asString())
        .isEqualTo("甲\t乙\\丙\n丁\r戊 \\N \"引号\" \\.");
    assertThat(back.at("/properties/build_year").isNull()
        || back.at("/properties/build_year").isMissingNode()).isTrue();
    assertThat(back.at("/properties/households").asLong()).isEqualTo(77);
  }

  /**
   * Numbers and dates go in as sent, at their fields' extremes: PostGIS takes an import's columns
   * in COPY's binary format (decision 107), where a wrong byte order or day count would store
   * another value without an error.
   */
  @Test
  void importedNumbersAndDatesComeBackExactlyAtTheirExtremes() {
    String work = work("gas", 113.74, 35.22, "1800-01-01", "2200-12-31")
        .replace("\"trench_width_m\":0.8", "\"trench_width_m\":0.30000000000000004");
    Http.Response w = admin.post("/api/import/works", collection(work,
        work("power", 113.75, 35.22, "1999-12-31", "2000-01-01")));
    assertThat(w.status()).as(w.body()).isEqualTo(200);
    JsonNode first = admin.get("/api/works/" + w.json().at("/ids/0").asLong()).json();
    assertThat(first.at("/properties/start_date").asString()).isEqualTo("1800-01-01");
    assertThat(first.at("/properties/end_date").asString()).isEqualTo("2200-12-31");
    assertThat(first.at("/properties/trench_width_m").asDouble()).isEqualTo(0.30000000000000004);
    JsonNode second = admin.get("/api/works/" + w.json().at("/ids/1").asLong()).json();
    assertThat(second.at("/properties/start_date").asString()).isEqualTo("1999-12-31");
    assertThat(second.at("/properties/end_date").asString()).isEqualTo("2000-01-01");

    Http.Response c = admin.post("/api/import/communities", collection(
        community("最大", "weibin", 113.863, 35.301, 0.001, 1_000_000)
            .replace("\"floor_area_m2\":12000.5", "\"floor_area_m2\":1e9")
            .replace("\"buildings\":3", "\"buildings\":0")
            .replace("\"build_year\":1992", "\"build_year\":1800")));
    assertThat(c.status()).as(c.body()).isEqualTo(200);
    JsonNode back = anonymous.get("/api/communities/" + c.json().at("/ids/0").asLong()).json();
    assertThat(back.at("/properties/households").asLong()).isEqualTo(1_000_000);
    assertThat(back.at("/properties/buildings").asLong()).isZero();
    assertThat(back.at("/properties/floor_area_m2").asDouble()).isEqualTo(1e9);
    assertThat(back.at("/properties/build_year").asLong()).isEqualTo(1800);
  }

  /**
   * A text holding U+0000 is refused by name on both stores, before anything is stored, and a
   * required text of control characters only is missing:
   * PostgreSQL cannot store it in any text column, so the import would otherwise fail in the
   * middle of its COPY.
   */
  @Test
  void aTextWithANulCharacterIsRefusedAndNothingIsStored() {
    long before = communityCount();
    Http.Response r = admin.post("/api/import/communities", collection(
        community("好", "weibin", 113.864, 35.301, 0.001, 5),
        community("坏\\u0000名", "weibin", 113.865, 35.301, 0.001, 5)));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("name: must not contain the character U+0000");
    Http.Response one = admin.post("/api/communities",
        community("坏\\u0000名", "weibin", 113.866, 35.301, 0.001, 5));
    assertThat(one.status()).as(one.body()).isEqualTo(422);
    // Only control characters: trimmed to nothing, so a required name is missing, not "".
    Http.Response empty = admin.post("/api/communities",
        community("\\u0001\\u001f", "weibin", 113.867, 35.301, 0.001, 5));
    assertThat(empty.status()).as(empty.body()).isEqualTo(422);
    assertThat(empty.body()).contains("name: required");
    assertThat(communityCount()).isEqualTo(before);
  }

  private long communityCount() {
    return anonymous.get("/ogcapi/collections/communities/items?limit=1").json()
        .at("/numberMatched").asLong();
  }

  private static JsonNode onlyIds(JsonNode collection, List<Long> ids) {
    var array = Http.JSON.createArrayNode();
    for (JsonNode f : collection.get("features")) {
      if (ids.contains(f.get("id").asLong())) {
        array.add(f);
      }
    }
    var out = Http.JSON.createObjectNode();
    out.put("type", "FeatureCollection");
    out.set("features", array);
    return out;
  }

  @Test
  void oneBrokenFeatureStoresNothingAndNamesEveryBadOne() {
    long before = count("communities");
    String selfIntersecting = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[113.85,35.30],[113.86,35.31],[113.86,35.30],[113.85,35.31],[113.85,35.30]]]},
         "properties":{"name":"坏","district":"weibin","households":1,"buildings":1,"floor_area_m2":10}}""";
    String body = collection(
        community("好一", "weibin", 113.850, 35.300, 0.001, 10),
        selfIntersecting,
        community("好二", "weibin", 113.853, 35.300, 0.001, 10),
        community("无区", "nowhere", 113.856, 35.300, 0.001, 10),
        community("负户", "weibin", 113.859, 35.300, 0.001, -5));
    Http.Response r = admin.post("/api/import/communities", body);
    assertThat(r.status()).isEqualTo(422);
    JsonNode errors = r.json().get("errors");
    assertThat(errors.size()).isEqualTo(3);
    assertThat(errors.get(0).get("index").asInt()).isEqualTo(1);
    assertThat(errors.get(0).get("problems").get(0).asString())
        .contains("Self-intersection").contains("113.855");
    assertThat(errors.get(1).get("index").asInt()).isEqualTo(3);
    assertThat(errors.get(1).get("problems").toString()).contains("unknown district 'nowhere'");
    assertThat(errors.get(2).get("index").asInt()).isEqualTo(4);
    assertThat(errors.get(2).get("problems").toString()).contains("households: must not be negative");
    assertThat(count("communities")).isEqualTo(before);
  }

  @Test
  void worksRefuseEndBeforeStartWrongGeometryTypeAndUnknownUtility() {
    String pointWork = """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[113.85,35.30]},
         "properties":{"utility":"gas","owner":"gas","kind":"new","start_date":"2023-04-01","end_date":"2023-05-01","status":"approved"}}""";
    String body = collection(
        work("gas", 113.85, 35.30, "2023-05-01", "2023-04-01"),
        pointWork,
        work("steam", 113.85, 35.30, "2023-04-01", "2023-05-01"));
    long before = count("works");
    Http.Response r = admin.post("/api/import/works", body);
    assertThat(r.status()).isEqualTo(422);
    String text = r.json().get("errors").toString();
    assertThat(text).contains("end_date: 2023-04-01 is before start_date 2023-05-01")
        .contains("Point is not accepted").contains("unknown value 'steam'");
    assertThat(count("works")).isEqualTo(before);
  }

  @Test
  void malformedJsonAndWrongDocumentAnswer400() {
    assertThat(admin.post("/api/import/works", "{\"type\":\"FeatureCollection\",\"features\":[")
        .status()).isEqualTo(400);
    assertThat(admin.post("/api/import/works", "{\"type\":\"Feature\"}").status()).isEqualTo(400);
    assertThat(admin.post("/api/import/nonsense", collection()).status()).isEqualTo(404);
  }

  @Test
  void anUtilityChangesOnlyItsOwnWorks() {
    Http gas = anonymous.as("gas");
    Http water = anonymous.as("water_supply");
    Http.Response created = gas.post("/api/works",
        draft(work("gas", 113.861, 35.301, "2023-04-01", "2023-05-01")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String location = created.header("Location");
    assertThat(location).isNotNull();
    String path = location.substring(location.indexOf("/api/"));
    String etag = created.header("ETag");

    String changed = draft(work("gas", 113.861, 35.301, "2023-04-01", "2023-06-01"));
    assertThat(water.put(path, changed, etag).status()).isEqualTo(403);
    assertThat(water.delete(path, etag).status()).isEqualTo(403);
    assertThat(water.post("/api/works", draft(work("gas", 113.9, 35.3, "2023-04-01", "2023-05-01")))
        .status()).isEqualTo(403);
    assertThat(water.post("/api/import/works",
        collection(draft(work("gas", 113.9, 35.3, "2023-04-01", "2023-05-01")))).status())
        .isEqualTo(403);
    assertThat(anonymous.as("leader").put(path, changed, etag).status()).isEqualTo(403);
    assertThat(anonymous.put(path, changed, etag).status()).isEqualTo(401);

    Http.Response updated = gas.put(path, changed, etag);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().at("/properties/end_date").asString()).isEqualTo("2023-06-01");
    assertThat(updated.header("ETag")).isNotEqualTo(etag);
  }

  @Test
  void aStaleVersionNeverOverwrites() {
    Http gas = anonymous.as("gas");
    Http.Response created = gas.post("/api/works",
        draft(work("gas", 113.871, 35.301, "2023-04-01", "2023-05-01")));
    String path = "/api/works/" + created.json().get("id").asLong();
    String v1 = created.header("ETag");
    assertThat(gas.put(path, draft(work("gas", 113.871, 35.301, "2023-04-01", "2023-05-02")), v1).status())
        .isEqualTo(200);
    Http.Response stale = gas.put(path, draft(work("gas", 113.871, 35.301, "2023-04-01", "2023-05-03")), v1);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(gas.get(path).json().at("/properties/end_date").asString()).isEqualTo("2023-05-02");
    assertThat(gas.put(path, draft(work("gas", 113.871, 35.301, "2023-04-01", "2023-05-03")), null)
        .status()).isEqualTo(428);
    assertThat(gas.delete(path, v1).status()).isEqualTo(412);
    assertThat(gas.delete(path, gas.get(path).header("ETag")).status()).isEqualTo(204);
    assertThat(gas.get(path).status()).isEqualTo(404);
  }

  @Test
  void pipelinesNeverReachAnonymousUsers() {
    assertThat(admin.post("/api/import/pipelines", collection(pipeline("power", 113.85, 35.30)))
        .status()).isEqualTo(200);
    assertThat(anonymous.get("/api/export/pipelines").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/pipelines").status()).isEqualTo(401);
    assertThat(anonymous.as("leader").get("/api/export/pipelines").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/export/communities").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/export/works").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/export/districts").status()).isEqualTo(200);
  }

  @Test
  void everyWriteIsAudited() {
    long before = count("audit_log");
    Http.Response created = anonymous.as("planner").post("/api/communities",
        community("审计小区", "muye", 113.90, 35.33, 0.001, 30));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(count("audit_log")).isEqualTo(before + 1);
    var row = jdbc.queryForMap(
        "SELECT actor, action, before_json, after_json FROM audit_log WHERE subject = 'communities'"
            + " AND subject_id = ?", id);
    assertThat(row.get("actor")).isEqualTo("planner");
    assertThat(row.get("action")).isEqualTo("create");
    assertThat(row.get("before_json")).isNull();
    assertThat(row.get("after_json").toString()).contains("审计小区");
  }

  @Test
  void unknownIdsAnswer404AndBadParameters400() {
    assertThat(anonymous.get("/api/communities/987654321").status()).isEqualTo(404);
    assertThat(anonymous.get("/api/communities/abc").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/communities?bbox=1,2,3").status()).isEqualTo(400);
    Http.Response r = anonymous.get("/api/communities/987654321");
    assertThat(r.header("Content-Type")).contains("application/problem+json");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("SELECT");
  }

  @Test
  void aBboxListReturnsOnlyFeaturesInTheBox() {
    admin.post("/api/import/communities", collection(
        community("框内", "fengqiu", 114.40, 35.04, 0.001, 5),
        community("框外", "fengqiu", 114.45, 35.04, 0.001, 5)));
    JsonNode inBox = anonymous.get("/api/communities?bbox=114.399,35.039,114.402,35.042").json();
    List<String> names = new ArrayList<>();
    inBox.get("features").forEach(f -> names.add(f.at("/properties/name").asString()));
    assertThat(names).contains("框内").doesNotContain("框外");
  }

  /**
   * The analyses' in-memory layer follows writes by re-reading only what was written, and ends
   * exactly where a full read of the store would: same features in the same order, same metric
   * geometries, same index answers — after a create, a move and a delete through HTTP.
   */
  @Test
  void theMetricLayerFollowsEachWriteAsAFullReadWould() {
    assertThat(admin.post("/api/import/works", collection(
        work("gas", 113.70, 35.20, "2023-03-01", "2023-04-30"),
        work("gas", 113.71, 35.20, "2023-03-01", "2023-04-30"),
        work("power", 113.72, 35.20, "2023-05-01", "2023-06-30"))).status()).isEqualTo(200);
    metricLayers.current(Layer.WORKS);
    Http gas = anonymous.as("gas");
    Http.Response created = gas.post("/api/works", draft(work("gas", 113.73, 35.21, "2023-07-01",
        "2023-07-31")));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().at("/id").asLong();
    assertSameAsAFullRead();
    JsonNode moved = Http.JSON.readTree(draft(work("gas", 113.60, 35.10, "2023-07-01", "2023-07-31")));
    assertThat(gas.put("/api/works/" + id, moved.toString(), "\"1\"").status()).isEqualTo(200);
    assertSameAsAFullRead();
    assertThat(gas.delete("/api/works/" + id, "\"2\"").status()).isEqualTo(204);
    assertSameAsAFullRead();
  }

  private void assertSameAsAFullRead() {
    MetricLayer now = metricLayers.current(Layer.WORKS);
    MetricLayer full = MetricLayers.build(Layer.WORKS, now.revision(), now.metricEpsg(),
        features.findAll(Layer.WORKS));
    assertThat(now.features()).isEqualTo(full.features());
    for (int i = 0; i < full.size(); i++) {
      assertThat(now.metric().get(i).equalsExact(full.metric().get(i), 1e-6)).isTrue();
    }
    org.locationtech.jts.geom.Envelope all = new org.locationtech.jts.geom.Envelope(-1e8, 1e8,
        -1e8, 1e8);
    assertThat(now.candidates(all)).containsExactlyInAnyOrderElementsOf(full.candidates(all));
  }
}
