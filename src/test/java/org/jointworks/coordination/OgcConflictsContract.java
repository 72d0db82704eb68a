package org.jointworks.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.coordination.WorksFixtures.work;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.OgcLinks.enc;
import static org.jointworks.support.OgcLinks.link;
import static org.jointworks.support.OgcLinks.path;
import static org.jointworks.support.OgcLinks.rels;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OGC API collection {@code conflicts} through HTTP: the same pairs and figures as
 * {@code GET /api/works/conflicts}, shaped where the works share a street, never stale after a
 * write to {@code works}, keyset-paged on the pair, filtered, in every CRS, public and read-only;
 * GDAL's OAPIF client reads it when gdal-bin is installed. Subclasses run it on H2GIS and
 * PostGIS. Each test works in its own patch of the map ({@link WorksFixtures} origins), so tests
 * sharing a store do not meet.
 */
abstract class OgcConflictsContract {
  static final String ITEMS = "/ogcapi/collections/conflicts/items";
  static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
  static final String OGR2OGR = org.jointworks.support.ExternalTools.OGR2OGR.path();

  @LocalServerPort
  int port;
  Http anonymous;
  Http admin;
  Http planner;

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    planner = anonymous.as("planner");
  }

  List<Long> importWorks(String... features) {
    Http.Response r = admin.post("/api/import/works", collection(features));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().get("ids").forEach(n -> ids.add(n.asLong()));
    return ids;
  }

  /** Every feature the items answer, walking {@code next} links from {@code first}. */
  List<JsonNode> walk(String first) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode page = get(first);
    while (true) {
      page.at("/features").forEach(out::add);
      if (!rels(page).contains("next")) {
        return out;
      }
      page = get(path(link(page, "next")));
    }
  }

  JsonNode get(String path) {
    Http.Response r = anonymous.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  static String bbox(WorksFixtures m, double x0, double y0, double x1, double y1) {
    return String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", m.lon(x0), m.lat(y0), m.lon(x1),
        m.lat(y1));
  }

  static List<String> idsOf(List<JsonNode> features) {
    return features.stream().map(f -> f.get("id").asString()).toList();
  }

  /** The length (lines) or area (polygons) of a lon/lat GeoJSON geometry, in EPSG:4547 metres. */
  static double metricSize(JsonNode geometry) {
    String type = geometry.get("type").asString();
    double total = 0;
    if (type.equals("MultiLineString")) {
      for (JsonNode line : geometry.get("coordinates")) {
        for (int i = 0; i + 1 < line.size(); i++) {
          double[] p = metric(line.get(i));
          double[] q = metric(line.get(i + 1));
          total += Math.hypot(q[0] - p[0], q[1] - p[1]);
        }
      }
    } else if (type.equals("Polygon")) {
      JsonNode ring = geometry.at("/coordinates/0");
      for (int i = 0; i + 1 < ring.size(); i++) {
        double[] p = metric(ring.get(i));
        double[] q = metric(ring.get(i + 1));
        total += p[0] * q[1] - q[0] * p[1];
      }
      total = Math.abs(total) / 2;
    } else {
      throw new AssertionError("unexpected geometry " + type);
    }
    return total;
  }

  private static double[] metric(JsonNode lonLat) {
    return Crs.transform(Crs.LONLAT, Crs.GK_114E, lonLat.get(0).asDouble(),
        lonLat.get(1).asDouble());
  }

  /** The items hold exactly the pairs and figures of /api/works/conflicts, shaped truthfully. */
  @Test
  void itemsEqualTheConflictListAndAreShapedWhereTheWorksShareTheStreet() {
    WorksFixtures m = new WorksFixtures(113.82, 35.22);
    List<Long> ids = importWorks(
        work(m.line(0, 0, 200, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(50, 3, 250, 3), "gas", "replace", "approved", "2023-04-15", "2023-05-10"),
        work(m.line(100, -1.5, 300, -1.5), "power", "new", "approved", "2024-06-01", "2024-06-30"),
        work(m.rect(400, 0, 410, 10), "heating", "repair", "approved", "2023-03-01", "2023-03-31"),
        work(m.rect(405, 0, 415, 10), "telecom", "repair", "approved", "2023-03-10", "2023-04-05"));
    JsonNode list = get("/api/works/conflicts").get("conflicts");
    List<JsonNode> items = walk(ITEMS + "?limit=10000");
    assertThat(items).hasSize(list.size());
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    items.forEach(f -> byId.put(f.get("id").asString(), f));
    for (JsonNode c : list) {
      String id = c.at("/a/id").asLong() + "-" + c.at("/b/id").asLong();
      JsonNode p = byId.get(id).get("properties");
      assertThat(p).as(id).isNotNull();
      for (String side : List.of("a", "b")) {
        assertThat(p.get(side + "_id").asLong()).isEqualTo(c.at("/" + side + "/id").asLong());
        for (String[] f : new String[][] {{"utility", "utility"}, {"owner", "owner"},
            {"kind", "kind"}, {"status", "status"}, {"start", "startDate"}, {"end", "endDate"}}) {
          assertThat(p.get(side + "_" + f[0]).asString()).as(id + " " + side + "_" + f[0])
              .isEqualTo(c.at("/" + side + "/" + f[1]).asString());
        }
      }
      assertThat(p.get("kind").asString()).isEqualTo(c.get("kind").asString());
      assertThat(p.get("gap_m").asDouble()).isEqualTo(c.get("gapMeters").asDouble());
      assertThat(p.path("overlap_m").asDouble(-1)).isEqualTo(c.path("overlapMeters").asDouble(-1));
      assertThat(p.path("overlap_m2").asDouble(-1)).isEqualTo(c.path("overlapM2").asDouble(-1));
      assertThat(p.get("overlap_days").asLong()).isEqualTo(c.get("overlapDays").asLong());
      assertThat(p.get("separation_days").asLong()).isEqualTo(c.get("separationDays").asLong());
    }
    // Two lines: the stretch whose length overlap_m is; two areas: the area overlap_m2 is.
    JsonNode lines = byId.get(ids.get(0) + "-" + ids.get(1));
    assertThat(lines.at("/geometry/type").asString()).isEqualTo("MultiLineString");
    assertThat(metricSize(lines.get("geometry")))
        .isCloseTo(lines.at("/properties/overlap_m").asDouble(), within(0.05));
    assertThat(lines.at("/properties/overlap_m").asDouble()).isBetween(150.0, 160.0);
    assertThat(lines.at("/properties/start_date").asString()).isEqualTo("2023-03-01");
    assertThat(lines.at("/properties/end_date").asString()).isEqualTo("2023-05-10");
    JsonNode areas = byId.get(ids.get(3) + "-" + ids.get(4));
    assertThat(areas.at("/geometry/type").asString()).isEqualTo("Polygon");
    assertThat(metricSize(areas.get("geometry"))).isCloseTo(50.0, within(0.5))
        .isCloseTo(areas.at("/properties/overlap_m2").asDouble(), within(0.05));
    JsonNode moratorium = byId.get(ids.get(0) + "-" + ids.get(2));
    assertThat(moratorium.at("/properties/moratorium_until").asString()).isEqualTo("2026-03-31");
  }

  /** A work stored through /api/works is in the very next page; cancelled, its pairs leave. */
  @Test
  void aNewConflictingWorkIsInTheNextPageAndLeavesWhenCancelled() {
    WorksFixtures m = new WorksFixtures(113.84, 35.24);
    List<Long> ids = importWorks(
        work(m.line(0, 0, 200, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"));
    String box = ITEMS + "?bbox=" + bbox(m, -20, -20, 220, 20);
    JsonNode before = get(box);
    assertThat(before.at("/numberMatched").asLong()).isZero();
    String extentBefore = get("/ogcapi/collections/conflicts").at("/extent").toString();
    String gas = work(m.line(20, 2, 180, 2), "gas", "replace", "approved", "2023-03-10",
        "2023-04-10");
    Http.Response created = admin.post("/api/works", gas);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long gasId = created.json().get("id").asLong();
    JsonNode after = get(box);
    assertThat(after.at("/numberMatched").asLong()).isEqualTo(1);
    String pair = ids.get(0) + "-" + gasId;
    assertThat(after.at("/features/0/id").asString()).isEqualTo(pair);
    assertThat(after.at("/features/0/properties/b_utility").asString()).isEqualTo("gas");
    assertThat(get("/ogcapi/collections/conflicts").at("/extent").toString())
        .isNotEqualTo(extentBefore);
    Http.Response item = anonymous.get(ITEMS + "/" + pair);
    assertThat(item.status()).isEqualTo(200);
    String etag = item.header("ETag");

    ObjectNode cancelled = (ObjectNode) created.json();
    ((ObjectNode) cancelled.get("properties")).put("status", "cancelled");
    cancelled.remove("version");
    Http.Response put = admin.put("/api/works/" + gasId, cancelled.toString(),
        created.header("ETag"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(get(box).at("/numberMatched").asLong()).isZero();
    assertThat(anonymous.get(ITEMS + "/" + pair).status()).isEqualTo(404);
    assertThat(etag).isNotNull();
  }

  /** Small pages walk every pair once, in pair order, forwards and back, with exact counts. */
  @Test
  void pagingWalksEveryPairOnceWithExactCounts() {
    WorksFixtures m = new WorksFixtures(113.86, 35.26);
    String[] utilities = {"water_supply", "drainage", "gas", "heating", "power"};
    List<String> works = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      works.add(work(m.line(0, i * 0.8, 100, i * 0.8), utilities[i], "replace", "approved",
          "2023-05-01", "2023-05-31"));
    }
    List<Long> ids = importWorks(works.toArray(String[]::new));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      for (int j = i + 1; j < 5; j++) {
        expected.add(ids.get(i) + "-" + ids.get(j));
      }
    }
    String first = ITEMS + "?limit=3&bbox=" + bbox(m, -10, -10, 110, 10);
    JsonNode p1 = get(first);
    assertThat(p1.at("/numberMatched").asLong()).isEqualTo(10);
    assertThat(p1.at("/numberReturned").asLong()).isEqualTo(3);
    assertThat(rels(p1)).contains("next").doesNotContain("prev");
    assertThat(link(p1, "next")).contains("after=" + enc(expected.get(2)));
    List<JsonNode> all = walk(first);
    assertThat(idsOf(all)).containsExactlyElementsOf(expected);
    JsonNode p2 = get(path(link(p1, "next")));
    JsonNode p3 = get(path(link(p2, "next")));
    JsonNode p4 = get(path(link(p3, "next")));
    assertThat(p4.at("/numberReturned").asLong()).isEqualTo(1);
    assertThat(p4.at("/numberMatched").asLong()).isEqualTo(10);
    assertThat(rels(p4)).contains("prev").doesNotContain("next");
    JsonNode back = get(path(link(p4, "prev")));
    assertThat(back.at("/features/0/id").asString()).isEqualTo(expected.get(6));
    assertThat(back.at("/numberReturned").asLong()).isEqualTo(3);
    JsonNode start = get(path(link(get(path(link(back, "prev"))), "prev")));
    assertThat(idsOf(List.of(start.at("/features/0")))).containsExactly(expected.get(0));
    assertThat(rels(start)).doesNotContain("prev");
  }

  /** utility/owner/status on either side, kind, datetime on the pair's span, bbox in two CRSs. */
  @Test
  void filtersBboxAndDatetimeSelectTheRightPairs() {
    WorksFixtures m = new WorksFixtures(113.88, 35.28);
    List<Long> ids = importWorks(
        work(m.line(0, 0, 200, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(50, 3, 250, 3), "gas", "replace", "in_progress", "2023-04-15", "2023-05-10"),
        work(m.line(100, -1.5, 300, -1.5), "power", "new", "approved", "2024-06-01", "2024-06-30"));
    String ab = ids.get(0) + "-" + ids.get(1);
    String ac = ids.get(0) + "-" + ids.get(2);
    String bc = ids.get(1) + "-" + ids.get(2);
    String box = ITEMS + "?bbox=" + bbox(m, -20, -20, 320, 20);
    assertThat(idsOf(walk(box))).containsExactly(ab, ac, bc);
    assertThat(idsOf(walk(box + "&utility=gas"))).containsExactly(ab, bc);
    assertThat(idsOf(walk(box + "&owner=power"))).containsExactly(ac, bc);
    assertThat(idsOf(walk(box + "&status=in_progress"))).containsExactly(ab, bc);
    assertThat(idsOf(walk(box + "&kind=moratorium"))).containsExactly(ac, bc);
    assertThat(idsOf(walk(box + "&kind=same_window&utility=water_supply"))).containsExactly(ab);
    // The pair's span is the union of the two works' dates: a day between them still meets it.
    assertThat(idsOf(walk(box + "&datetime=2023-10-01"))).containsExactly(ac, bc);
    assertThat(idsOf(walk(box + "&datetime=2023-03-05/2023-03-06"))).containsExactly(ab, ac);
    assertThat(idsOf(walk(box + "&datetime=2024-07-01T00:00:00Z/.."))).isEmpty();
    assertThat(idsOf(walk(box + "&datetime=../2023-02-28"))).isEmpty();
    // Only the stretch beyond x = 205 m belongs to b-c alone (a ends at 200 m, plus the buffer).
    assertThat(idsOf(walk(ITEMS + "?bbox=" + bbox(m, 230, -20, 320, 20)))).containsExactly(bc);
    String latLon = String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", m.lat(-20), m.lon(230),
        m.lat(20), m.lon(320));
    assertThat(idsOf(walk(ITEMS + "?bbox=" + latLon + "&bbox-crs=" + enc(EPSG + "4490"))))
        .containsExactly(bc);
  }

  @Test
  void answersInEveryOfferedCrsWithItsAxisOrder() {
    WorksFixtures m = new WorksFixtures(113.90, 35.30);
    List<Long> ids = importWorks(
        work(m.line(0, 0, 100, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(0, 2, 100, 2), "gas", "replace", "approved", "2023-03-01", "2023-03-31"));
    String item = ITEMS + "/" + ids.get(0) + "-" + ids.get(1);
    JsonNode crs84 = get(item);
    double lon = crs84.at("/geometry/coordinates/0/0/0").asDouble();
    double lat = crs84.at("/geometry/coordinates/0/0/1").asDouble();
    assertThat(lon).isBetween(113.89, 113.91);
    Http.Response gk = anonymous.get(item + "?crs=" + enc(EPSG + "4547"));
    assertThat(gk.header("Content-Crs")).isEqualTo("<" + EPSG + "4547>");
    double[] en = Crs.transform(Crs.LONLAT, Crs.GK_114E, lon, lat);
    assertThat(gk.json().at("/geometry/coordinates/0/0/0").asDouble())
        .isCloseTo(en[1], within(0.01)); // northing first
    assertThat(gk.json().at("/geometry/coordinates/0/0/1").asDouble())
        .isCloseTo(en[0], within(0.01));
    JsonNode lonLatItems = get(ITEMS + "?crs=" + enc(EPSG + "4490") + "&bbox="
        + bbox(m, -10, -10, 110, 10));
    assertThat(lonLatItems.at("/features/0/geometry/coordinates/0/0/0").asDouble())
        .isCloseTo(lat, within(1e-9)); // latitude first
    JsonNode mercator = get(ITEMS + "?crs=" + enc(EPSG + "3857") + "&bbox="
        + bbox(m, -10, -10, 110, 10));
    assertThat(mercator.at("/features/0/geometry/coordinates/0/0/0").asDouble())
        .isGreaterThan(1.2e7);
    assertThat(anonymous.get(ITEMS + "?crs=" + enc(EPSG + "4326")).status()).isEqualTo(400);
  }

  /** /items/{id}: 200 with an ETag, 404 for an unknown or malformed pair; bad parameters 400. */
  @Test
  void oneItemByItsPairIdAndTheRefusals() {
    WorksFixtures m = new WorksFixtures(113.92, 35.32);
    List<Long> ids = importWorks(
        work(m.line(0, 0, 100, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(0, 2, 100, 2), "gas", "replace", "approved", "2023-03-01", "2023-03-31"));
    String pair = ids.get(0) + "-" + ids.get(1);
    Http.Response one = anonymous.get(ITEMS + "/" + pair);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.header("Content-Type")).startsWith("application/geo+json");
    assertThat(one.header("ETag")).isNotBlank();
    assertThat(one.json().get("id").asString()).isEqualTo(pair);
    assertThat(rels(one.json())).contains("self", "alternate", "collection");
    assertThat(anonymous.get(ITEMS + "/" + pair + "?f=html").body()).contains(pair, "gas");
    assertThat(anonymous.get(ITEMS + "/" + ids.get(1) + "-" + ids.get(0)).status())
        .isEqualTo(404);
    assertThat(anonymous.get(ITEMS + "/" + ids.get(0)).status()).isEqualTo(404);
    for (String malformed : List.of("abc", "1-2-3", "-1", "1-", "99999999999999999999-1")) {
      assertThat(anonymous.get(ITEMS + "/" + enc(malformed)).status()).as(malformed)
          .isEqualTo(404);
    }
    for (String bad : List.of("after=abc", "after=12", "before=1-x", "utility=sewage",
        "status=done", "kind=overlap", "limit=0", "limit=10001", "datetime=2023-13-01",
        "bbox=1,2,3", "crs=EPSG:9999", "colour=red", "utility=gas&utility=power",
        "after=1-2&before=3-4")) {
      assertThat(anonymous.get(ITEMS + "?" + bad).status()).as(bad).isEqualTo(400);
    }
  }

  /** Public like /api/works/conflicts, listed, described truthfully, and never written. */
  @Test
  void publicReadOnlyAndDescribedTruthfully() {
    JsonNode list = get("/ogcapi/collections");
    List<String> listed = new ArrayList<>();
    list.at("/collections").forEach(c -> listed.add(c.get("id").asString()));
    assertThat(listed).contains("conflicts");
    JsonNode c = get("/ogcapi/collections/conflicts");
    assertThat(rels(c)).contains("items").doesNotContain(
        "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
    assertThat(c.at("/description").asString()).contains("MultiLineString");
    JsonNode q = get("/ogcapi/collections/conflicts/queryables");
    assertThat(q.at("/properties/utility/enum").toString()).contains("water_supply");
    assertThat(q.at("/properties/kind/enum").toString()).contains("same_window", "moratorium");
    assertThat(q.at("/properties/status/enum").toString()).contains("cancelled");
    assertThat(q.at("/properties/owner/type").asString()).isEqualTo("string");
    JsonNode api = get("/ogcapi/api").at("/paths");
    JsonNode items = api.get("/collections/conflicts/items");
    assertThat(items.has("get")).isTrue();
    assertThat(items.has("post")).isFalse();
    List<String> params = new ArrayList<>();
    items.at("/get/parameters").forEach(p -> params.add(p.get("name").asString()));
    assertThat(params).contains("utility", "owner", "kind", "status", "bbox", "datetime", "after");
    items.at("/get/parameters").forEach(p -> {
      if (p.get("name").asString().equals("after")) {
        assertThat(p.at("/schema/type").asString()).isEqualTo("string");
      }
    });
    JsonNode item = api.get("/collections/conflicts/items/{featureId}");
    assertThat(item.at("/get/parameters/0/schema/type").asString()).isEqualTo("string");
    assertThat(item.has("put") || item.has("patch") || item.has("delete")).isFalse();
    assertThat(item.at("/get/security").isMissingNode()).isTrue();
    assertThat(api.has("/collections/conflicts/tiles")).isFalse();
    assertThat(anonymous.get("/ogcapi/collections/conflicts?f=html").body()).contains("conflicts");
    assertThat(anonymous.get(ITEMS + "?f=html").status()).isEqualTo(200);
    // No tiles: only stored layers have tile rules, so the path falls to the deny-all.
    assertThat(anonymous.get("/ogcapi/collections/conflicts/tiles").status()).isEqualTo(401);
    assertThat(admin.get("/ogcapi/collections/conflicts/tiles").status()).isEqualTo(403);

    String body = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}";
    assertThat(anonymous.post(ITEMS, body).status()).isEqualTo(401);
    assertThat(planner.post(ITEMS, body).status()).isEqualTo(403);
    assertThat(admin.post(ITEMS, body).status()).isEqualTo(403);
    assertThat(anonymous.put(ITEMS + "/1-2", body, "\"1\"").status()).isEqualTo(401);
    assertThat(admin.put(ITEMS + "/1-2", body, "\"1\"").status()).isEqualTo(403);
    assertThat(admin.delete(ITEMS + "/1-2", "\"1\"").status()).isEqualTo(403);
    assertThat(admin.send(admin.builder(ITEMS + "/1-2")
        .header("Content-Type", "application/merge-patch+json").header("If-Match", "\"1\"")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(403);
  }

  /** GDAL's OAPIF client reads the pairs with their string ids and attributes. */
  @Test
  void gdalReadsTheConflicts(@TempDir Path dir) throws Exception {
    org.jointworks.support.ExternalTools.assume(org.jointworks.support.ExternalTools.OGR2OGR);
    WorksFixtures m = new WorksFixtures(113.94, 35.34);
    List<Long> ids = importWorks(
        work(m.line(0, 0, 100, 0), "water_supply", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(0, 2, 100, 2), "gas", "replace", "approved", "2023-03-01", "2023-03-31"),
        work(m.line(0, 4, 100, 4), "power", "new", "approved", "2023-03-01", "2023-03-31"));
    Path out = dir.resolve("conflicts.geojson");
    Process p = new ProcessBuilder(OGR2OGR, "-f", "GeoJSON", out.toString(),
        "OAPIF:http://127.0.0.1:" + port + "/ogcapi", "conflicts", "-oo", "PAGE_SIZE=2",
        "-spat", String.valueOf(m.lon(-10)), String.valueOf(m.lat(-10)),
        String.valueOf(m.lon(110)), String.valueOf(m.lat(10))).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("ogr2ogr said: %s", said).isZero();
    JsonNode read = Http.JSON.readTree(Files.readString(out));
    assertThat(read.at("/features")).hasSize(3);
    List<String> pairs = new ArrayList<>();
    for (JsonNode f : read.at("/features")) {
      pairs.add(f.at("/properties/a_id").asLong() + "-" + f.at("/properties/b_id").asLong());
      assertThat(f.at("/geometry/type").asString()).isEqualTo("MultiLineString");
      assertThat(f.at("/properties/kind").asString()).isEqualTo("same_window");
    }
    assertThat(pairs).containsExactlyInAnyOrder(ids.get(0) + "-" + ids.get(1),
        ids.get(0) + "-" + ids.get(2), ids.get(1) + "-" + ids.get(2));
  }
}
