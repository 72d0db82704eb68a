package org.jointworks.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.pipeline;
import static org.jointworks.support.Fixtures.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jointworks.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Linked renovation through HTTP on a small city: A, B and C in a row across streets of 18.2 m
 * and 27.3 m, E sharing A's north wall (and 18.2 m diagonally from B's corner), D alone 1.5 km
 * east; facilities, a pipeline and a work near A.
 * Subclasses run it on H2GIS and on PostGIS.
 */
abstract class LinkageContract {
  // 0.001° is about 90.8 m of longitude and 110.9 m of latitude at 35.3° N.
  static final double LON = 113.850;
  static final double LAT = 35.300;

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;
  Http admin;
  Http planner;
  Http leader;
  Http utility;
  static long a;
  static long b;
  static long c;
  static long d;
  static long e;

  @BeforeEach
  void city() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    planner = anonymous.as("planner");
    leader = anonymous.as("leader");
    utility = anonymous.as("gas");
    if (jdbc.queryForObject("SELECT COUNT(*) FROM communities", Long.class) > 0) {
      return;
    }
    List<Long> ids = ids(admin.post("/api/import/communities", collection(
        community("甲", "weibin", LON, LAT, 0.001, 100),
        community("乙", "weibin", LON + 0.0012, LAT, 0.001, 200),
        community("丙", "hongqi", LON + 0.0025, LAT, 0.001, 300),
        community("丁", "weibin", LON + 0.017, LAT, 0.001, 400),
        community("戊", "weibin", LON, LAT + 0.001, 0.001, 500))));
    a = ids.get(0);
    b = ids.get(1);
    c = ids.get(2);
    d = ids.get(3);
    e = ids.get(4);
    ids(admin.post("/api/import/facilities", collection(
        facility("elderly_care", "养老站", LON + 0.0005, LAT - 0.001),
        facility("clinic", "卫生站", LON + 0.0030, LAT + 0.0005),
        facility("childcare", "托育点", LON + 0.030, LAT))));
    ids(admin.post("/api/import/pipelines", collection(pipeline("gas", LON - 0.001, LAT + 0.0005))));
    ids(admin.post("/api/import/works", collection(
        work("gas", LON + 0.0002, LAT + 0.0005, "2023-04-01", "2023-05-01"))));
  }

  static String facility(String kind, String name, double lon, double lat) {
    return String.format(Locale.ROOT, """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
         "properties":{"kind":"%s","name":"%s"}}""", lon, lat, kind, name);
  }

  static List<Long> ids(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.json().get("ids").forEach(n -> out.add(n.asLong()));
    return out;
  }

  static String area(String name, double lon, double lat, double w, double h, String extra) {
    return String.format(Locale.ROOT, """
        {"type":"Feature",%s"geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]},
         "properties":{"name":"%s","note":"测试"}}""", extra, lon, lat, lon + w, lat, lon + w,
        lat + h, lon, lat + h, lon, lat, name);
  }

  // ---- adjacency and neighbours

  @Test
  void adjacencyListsNeighboursOnceWithGapAndFrontage() {
    Http.Response r = anonymous.get("/api/linkage/adjacency?gapMeters=30");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode pairs = r.json().get("pairs");
    assertThat(pairs.size()).isEqualTo(4);
    JsonNode ab = find(pairs, a, b);
    assertThat(ab.get("gapMeters").asDouble()).isCloseTo(18.2, within(0.3));
    // A's east wall (110.9 m) faces B's west wall; at each end the last 30 - 18.2 = 11.8 m of
    // the north and south walls are within 30 m of B too.
    assertThat(ab.get("frontageMeters").asDouble()).isCloseTo(110.9 + 2 * 11.8, within(0.5));
    JsonNode ae = find(pairs, a, e);
    assertThat(ae.get("gapMeters").asDouble()).isZero();
    assertThat(find(pairs, b, c).get("gapMeters").asDouble()).isCloseTo(27.3, within(0.3));
    // B and E meet only across the corner: 11.8 m of one wall and 23.8 m of the other.
    assertThat(find(pairs, b, e).get("frontageMeters").asDouble()).isCloseTo(35.6, within(1.0));
    for (JsonNode p : pairs) {
      assertThat(p.get("a").asLong()).isLessThan(p.get("b").asLong());
    }
    JsonNode touching = anonymous.get("/api/linkage/adjacency?gapMeters=0").json();
    assertThat(touching.get("pairs").size()).isEqualTo(1);
    // Touching: the shared wall, 90.8 m.
    assertThat(touching.at("/pairs/0/frontageMeters").asDouble()).isCloseTo(90.8, within(0.5));
  }

  @Test
  void adjacencyKeepsPairsWithAMemberInTheDistrict() {
    JsonNode hongqi = anonymous.get("/api/linkage/adjacency?gapMeters=30&district=hongqi").json();
    assertThat(hongqi.get("pairs").size()).isEqualTo(1);
    assertThat(find(hongqi.get("pairs"), b, c)).isNotNull();
    assertThat(anonymous.get("/api/linkage/adjacency?district=atlantis").status()).isEqualTo(404);
  }

  @Test
  void neighboursComeNearestFirst() {
    Http.Response r = anonymous.get("/api/communities/" + a + "/neighbours?gapMeters=30");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode n = r.json().get("neighbours");
    assertThat(n.size()).isEqualTo(2);
    assertThat(n.get(0).get("gapMeters").asDouble()).isZero();
    assertThat(n.get(1).get("gapMeters").asDouble()).isGreaterThan(18);
    assertThat(anonymous.get("/api/communities/" + d + "/neighbours").json()
        .get("neighbours").size()).isZero();
  }

  @Test
  void badAdjacencyInputAnswersClear4xx() {
    assertThat(anonymous.get("/api/linkage/adjacency?gapMeters=-1").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/linkage/adjacency?gapMeters=abc").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/linkage/adjacency?gapMeters=100000").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/communities/999999999/neighbours").status()).isEqualTo(404);
    assertThat(anonymous.get("/api/communities/" + a + "/neighbours?gapMeters=-5").status())
        .isEqualTo(400);
  }

  // ---- suggestions

  @Test
  void suggestionsGroupNeighboursAndSplitAtTheWeakestLink() {
    assertThat(anonymous.post("/api/linkage/suggestions", "{}").status()).isEqualTo(401);
    Http.Response r = leader.post("/api/linkage/suggestions", "{\"gapMeters\":30}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json().get("suggestions");
    assertThat(s.size()).isEqualTo(1);
    JsonNode group = s.get(0);
    assertThat(ids(group.get("members"))).containsExactly(a, b, c, e);
    assertThat(group.at("/totals/households").asLong()).isEqualTo(100 + 200 + 300 + 500);
    assertThat(group.at("/outline/type").asString()).isEqualTo("Polygon");
    // The outline covers the four blocks and the two streets, not the corner beside E.
    double blocksAndStreets = 4 * 90.8 * 110.9 + (18.2 + 27.3) * 110.9;
    assertThat(group.get("areaM2").asDouble())
        .isBetween(blocksAndStreets - 200, blocksAndStreets + 1500);
    assertThat(group.get("facilityKinds").has("elderly_care")).isTrue();
    assertThat(group.get("facilityKinds").has("childcare")).isFalse();

    // Links by frontage: A-E 151 m, A-B 135 m, B-C 116 m, B-E 36 m. With at most three
    // members, A-E and A-B are kept and the weaker B-C is cut; C alone is below minMembers.
    JsonNode split = planner.post("/api/linkage/suggestions",
        "{\"gapMeters\":30,\"maxMembers\":3}").json().get("suggestions");
    assertThat(split.size()).isEqualTo(1);
    assertThat(ids(split.get(0).get("members"))).containsExactly(a, b, e);
    JsonNode withSingles = planner.post("/api/linkage/suggestions",
        "{\"gapMeters\":30,\"maxMembers\":3,\"minMembers\":1}").json().get("suggestions");
    assertThat(withSingles.size()).isEqualTo(3);
  }

  @Test
  void badSuggestionInputAnswers400() {
    assertThat(planner.post("/api/linkage/suggestions", "{\"gapMeters\":-3}").status())
        .isEqualTo(400);
    assertThat(planner.post("/api/linkage/suggestions", "{\"maxMembers\":1,\"minMembers\":2}")
        .status()).isEqualTo(400);
    assertThat(planner.post("/api/linkage/suggestions", "{\"gapMetres\":3}").status())
        .isEqualTo(400);
    assertThat(planner.post("/api/linkage/suggestions", "[1]").status()).isEqualTo(400);
    assertThat(planner.post("/api/linkage/suggestions", "{nope").status()).isEqualTo(400);
  }

  static JsonNode find(JsonNode pairs, long x, long y) {
    for (JsonNode p : pairs) {
      if (p.get("a").asLong() == Math.min(x, y) && p.get("b").asLong() == Math.max(x, y)) {
        return p;
      }
    }
    return null;
  }

  static List<Long> ids(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
