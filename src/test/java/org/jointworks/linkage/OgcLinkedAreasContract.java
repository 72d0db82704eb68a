package org.jointworks.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.OgcLinks.enc;
import static org.jointworks.support.OgcLinks.link;
import static org.jointworks.support.OgcLinks.path;
import static org.jointworks.support.OgcLinks.rels;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The OGC API collection {@code linked-areas} through HTTP: reads, paging, filters and CRSs as
 * for the other collections, signed-in users only; Part 4 writes under the linked-area rules,
 * seen from {@code /api/linked-areas} and the other way round. Subclasses run it on H2GIS and on
 * PostGIS; GDAL's OAPIF client (gdal-bin, as in {@code GdalClientTest}) reads it when installed.
 * Each test draws in its own part of the map (a row of {@code LAT + 0.02…0.03}, or its
 * own column), so no test's areas overlap or fall in another test's bbox.
 */
abstract class OgcLinkedAreasContract {
  static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
  static final String ITEMS = "/ogcapi/collections/linked-areas/items";
  // 0.001° is about 90.8 m of longitude and 110.9 m of latitude at 35.3° N.
  static final double LON = 113.850;
  static final double LAT = 35.300;
  static final String OGR2OGR = org.jointworks.support.ExternalTools.OGR2OGR.path();

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;
  Http admin;
  Http planner;
  Http leader;
  Http utility;
  /** K1 and K2: two communities 0.0002° apart (about 18 m), for the community filter. */
  static long k1;
  static long k2;

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
    Http.Response r = admin.post("/api/import/communities", collection(
        community("城西", "weibin", LON, LAT, 0.001, 100),
        community("K1", "weibin", LON + 0.020, LAT + 0.010, 0.001, 200),
        community("K2", "weibin", LON + 0.0212, LAT + 0.010, 0.001, 300)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    k1 = r.json().at("/ids/1").asLong();
    k2 = r.json().at("/ids/2").asLong();
  }

  @Test
  void signedInUsersOnlyWithQueryablesOpenApiAndHtml() {
    Http.Response drawn = planner.post(ITEMS, square("览", LON + 0.025, LAT + 0.020, 0.001, ""));
    assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
    String item = path(drawn.header("Location"));

    assertThat(ids(anonymous.get("/ogcapi/collections").json())).doesNotContain("linked-areas")
        .contains("communities");
    assertThat(ids(leader.get("/ogcapi/collections").json())).contains("linked-areas");
    for (String p : List.of("/ogcapi/collections/linked-areas", ITEMS, item,
        "/ogcapi/collections/linked-areas/queryables")) {
      assertThat(anonymous.get(p).status()).as(p).isEqualTo(401);
      assertThat(utility.get(p).status()).as(p).isEqualTo(200);
    }

    JsonNode c = leader.get("/ogcapi/collections/linked-areas").json();
    assertThat(c.at("/storageCrs").asString()).isEqualTo(EPSG + "4490");
    assertThat(c.at("/crs").toString()).contains(EPSG + "4547");
    assertThat(rels(c)).contains("self", "items", "http://www.opengis.net/def/rel/ogc/1.0/queryables")
        .as("linked areas have no tiles").doesNotContain(
            "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
    JsonNode q = leader.get("/ogcapi/collections/linked-areas/queryables").json();
    assertThat(q.at("/properties/name/type").asString()).isEqualTo("string");
    assertThat(q.at("/properties/created_by/type").asString()).isEqualTo("string");
    assertThat(q.at("/properties/community/type").asString()).isEqualTo("integer");
    assertThat(q.at("/properties/community/description").asString()).contains("member");

    assertThat(anonymous.get("/ogcapi/api").json().at("/paths")
        .has("/collections/linked-areas/items")).isFalse();
    JsonNode paths = planner.get("/ogcapi/api").json().at("/paths");
    JsonNode items = paths.get("/collections/linked-areas/items");
    assertThat(items.at("/get/responses").has("401")).isTrue();
    assertThat(items.at("/get/parameters").toString()).contains("\"community\"", "\"created_by\"");
    assertThat(items.at("/post/description").asString()).isEqualTo("Roles: ADMIN, PLANNER.");
    assertThat(items.at("/post/responses").has("201")).isTrue();
    JsonNode one = paths.get("/collections/linked-areas/items/{featureId}");
    for (String m : List.of("put", "patch", "delete")) {
      assertThat(one.at("/" + m + "/responses").has("412")).as(m).isTrue();
      assertThat(one.at("/" + m + "/responses").has("428")).as(m).isTrue();
      assertThat(one.at("/" + m + "/parameters").toString()).as(m).contains("If-Match");
    }
    assertThat(paths.has("/collections/linked-areas/tiles")).isFalse();
    assertThat(paths.has("/collections/communities/tiles")).isTrue();
    assertThat(paths.at("/~1collections~1communities~1items/post/description").asString())
        .isEqualTo("Roles: ADMIN, PLANNER, UTILITY.");

    Http.Response html = leader.send(leader.builder(ITEMS + "?name=" + enc("览"))
        .header("Accept", "text/html").GET());
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).contains("numberMatched", "览", "planner");
  }

  @Test
  void areaDrawnThroughTheLinkageApiIsInTheNextItemsPageAndTheExtent() {
    String query = ITEMS + "?name=" + enc("东片");
    assertThat(leader.get(query).json().at("/numberMatched").asLong()).isZero();
    // The easternmost area of every test: it moves the extent's east edge.
    Http.Response created = planner.post("/api/linked-areas",
        square("东片", LON + 0.040, LAT + 0.020, 0.002, ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();

    JsonNode page = leader.get(query).json();
    assertThat(page.at("/numberMatched").asLong()).isEqualTo(1);
    JsonNode f = page.at("/features/0");
    assertThat(f.at("/id").asLong()).isEqualTo(id);
    assertThat(f.at("/properties/note").asString()).isEqualTo("测试");
    assertThat(f.at("/properties/version").asLong()).isEqualTo(1);
    assertThat(f.at("/properties/created_by").asString()).isEqualTo("planner");
    assertThat(f.at("/properties/updated_by").asString()).isEqualTo("planner");
    assertThat(f.at("/properties/created_at").asString()).isNotEmpty();
    assertThat(f.at("/properties/area_m2").asDouble())
        .isEqualTo(created.json().at("/properties/area_m2").asDouble());
    Http.Response one = leader.get(ITEMS + "/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.header("ETag")).isEqualTo("\"1\"");
    assertThat(rels(one.json())).contains("self", "alternate", "collection");

    JsonNode bbox = leader.get("/ogcapi/collections/linked-areas").json()
        .at("/extent/spatial/bbox/0");
    assertThat(bbox.get(2).asDouble()).isCloseTo(LON + 0.042, within(1e-9));
    assertThat(bbox.get(3).asDouble()).isGreaterThanOrEqualTo(LAT + 0.022 - 1e-9);

    assertThat(planner.delete("/api/linked-areas/" + id, "\"1\"").status()).isEqualTo(204);
    assertThat(leader.get(query).json().at("/numberMatched").asLong()).isZero();
    assertThat(leader.get(ITEMS + "/" + id).status()).isEqualTo(404);
    JsonNode after = leader.get("/ogcapi/collections/linked-areas").json();
    assertThat(after.at("/extent/spatial/bbox/0/2").isMissingNode()
        || after.at("/extent/spatial/bbox/0/2").asDouble() < LON + 0.041).isTrue();
  }

  @Test
  void partFourWritesGoThroughTheLinkageRulesAndShowInTheLinkageApi() {
    String body = square("西片", LON, LAT + 0.020, 0.002, "");
    assertThat(anonymous.post(ITEMS, body).status()).isEqualTo(401);
    assertThat(leader.post(ITEMS, body).status()).isEqualTo(403);
    assertThat(utility.post(ITEMS, body).status()).isEqualTo(403);
    Http.Response created = planner.send(planner.builder(ITEMS)
        .header("Content-Type", "application/geo+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).matches(".*/ogcapi/collections/linked-areas/items/\\d+");
    long id = created.json().at("/id").asLong();
    String item = path(created.header("Location"));
    assertThat(item).isEqualTo(ITEMS + "/" + id);
    assertThat(created.json().at("/properties/created_by").asString()).isEqualTo("planner");

    JsonNode api = leader.get("/api/linked-areas/" + id).json();
    assertThat(api.at("/properties/name").asString()).isEqualTo("西片");
    assertThat(api.at("/version").asLong()).isEqualTo(1);
    assertThat(leader.get("/api/linked-areas").json().get("features").toString())
        .contains("西片");

    String renamed = square("西片二", LON, LAT + 0.020, 0.002, "");
    assertThat(planner.put(item, renamed, null).status()).isEqualTo(428);
    assertThat(planner.put(item, renamed, "\"7\"").status()).isEqualTo(412);
    assertThat(anonymous.put(item, renamed, "\"1\"").status()).isEqualTo(401);
    assertThat(leader.put(item, renamed, "\"1\"").status()).isEqualTo(403);
    assertThat(utility.put(item, renamed, "\"1\"").status()).isEqualTo(403);
    Http.Response put = admin.put(item, renamed, "\"1\"");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.header("ETag")).isEqualTo("\"2\"");
    api = planner.get("/api/linked-areas/" + id).json();
    assertThat(api.at("/properties/name").asString()).isEqualTo("西片二");
    assertThat(api.at("/properties/updated_by").asString()).isEqualTo("admin");

    assertThat(patch(planner, item, "{\"properties\":{\"note\":null}}", "\"1\"").status())
        .isEqualTo(412);
    assertThat(patch(leader, item, "{\"properties\":{\"note\":null}}", "\"2\"").status())
        .isEqualTo(403);
    assertThat(patch(anonymous, item, "{}", "\"2\"").status()).isEqualTo(401);
    Http.Response patched = patch(planner, item, "{\"properties\":{\"note\":null}}", "\"2\"");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"3\"");
    api = planner.get("/api/linked-areas/" + id).json();
    assertThat(api.at("/properties").has("note")).isFalse();
    assertThat(api.at("/properties/name").asString()).as("kept by the merge").isEqualTo("西片二");

    assertThat(planner.delete(item, null).status()).isEqualTo(428);
    assertThat(planner.delete(item, "\"2\"").status()).isEqualTo(412);
    assertThat(anonymous.delete(item, "\"3\"").status()).isEqualTo(401);
    assertThat(leader.delete(item, "\"3\"").status()).isEqualTo(403);
    assertThat(utility.delete(item, "\"3\"").status()).isEqualTo(403);
    assertThat(planner.delete(item, "\"3\"").status()).isEqualTo(204);
    assertThat(planner.get("/api/linked-areas/" + id).status()).isEqualTo(404);
    assertThat(planner.put(item, renamed, "\"3\"").status()).isEqualTo(404);
    assertThat(auditActions(id)).containsExactly("create", "update", "update", "delete");
  }

  @Test
  void overlappingOrInvalidAreasAreRefusedWithNothingStored() {
    Http.Response first = planner.post(ITEMS, square("南片", LON + 0.005, LAT + 0.020, 0.002, ""));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    long firstId = first.json().at("/id").asLong();
    long audited = auditRows();

    // Half over the first: refused exactly as /api/linked-areas refuses it (409 naming it).
    String half = square("南片重叠", LON + 0.006, LAT + 0.020, 0.002, "");
    Http.Response refused = planner.post(ITEMS, half);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().at("/overlaps/0/id").asLong()).isEqualTo(firstId);
    assertThat(refused.json().at("/overlaps/0/overlapM2").asDouble()).isGreaterThan(15_000);
    assertThat(storedNamed("南片重叠")).isZero();
    assertThat(leader.get(ITEMS + "?name=" + enc("南片重叠")).json().at("/numberMatched")
        .asLong()).isZero();

    String selfIntersecting = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[113.85,35.32],[113.851,35.321],[113.851,35.32],[113.85,35.321],[113.85,35.32]]]},
         "properties":{"name":"坏"}}""";
    Http.Response invalid = planner.post(ITEMS, selfIntersecting);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("detail").asString()).contains("Self-intersection");
    assertThat(planner.post(ITEMS, """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[113.85,35.32]},"properties":{"name":"点"}}""")
        .status()).isEqualTo(422);
    assertThat(planner.post(ITEMS, square("", LON + 0.009, LAT + 0.020, 0.001, "")).status())
        .isEqualTo(422);
    assertThat(planner.post(ITEMS, "[]").status()).isEqualTo(400);
    assertThat(storedNamed("坏") + storedNamed("点")).isZero();
    assertThat(auditRows()).as("no write, no audit row").isEqualTo(audited);

    // A stored area moved onto the first by PUT or PATCH is refused too and keeps its version.
    Http.Response second = planner.post(ITEMS, square("南片东", LON + 0.0075, LAT + 0.020, 0.001,
        ""));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    String item = path(second.header("Location"));
    assertThat(planner.put(item, square("南片东", LON + 0.006, LAT + 0.020, 0.001, ""), "\"1\"")
        .status()).isEqualTo(409);
    String onto = "{\"geometry\":" + polygon(LON + 0.006, LAT + 0.020, 0.001) + "}";
    assertThat(patch(planner, item, onto, "\"1\"").status()).isEqualTo(409);
    assertThat(leader.get(item).header("ETag")).isEqualTo("\"1\"");
    // allowOverlap, a foreign member of the feature, passes through POST and PATCH alike.
    String allowed = "{\"allowOverlap\":true,\"geometry\":"
        + polygon(LON + 0.006, LAT + 0.020, 0.001) + "}";
    Http.Response moved = patch(planner, item, allowed, "\"1\"");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(planner.post(ITEMS, square("南片重叠", LON + 0.006, LAT + 0.020, 0.002,
        "\"allowOverlap\":true,")).status()).isEqualTo(201);
  }

  @Test
  void bboxPagingAndExactNumberMatched() {
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Http.Response r = admin.post(ITEMS, square("页" + i, LON + i * 0.002, LAT + 0.030, 0.001,
          ""));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      created.add(r.json().at("/id").asLong());
    }
    String row = "bbox=" + (LON - 0.0005) + "," + (LAT + 0.0295) + "," + (LON + 0.0095) + ","
        + (LAT + 0.0315);
    JsonNode p1 = leader.get(ITEMS + "?" + row + "&limit=2").json();
    assertThat(p1.at("/numberMatched").asLong()).isEqualTo(5);
    assertThat(p1.at("/numberReturned").asLong()).isEqualTo(2);
    assertThat(rels(p1)).contains("self", "alternate", "next").doesNotContain("prev");
    JsonNode p2 = follow(link(p1, "next"));
    assertThat(p2.at("/numberMatched").asLong()).isEqualTo(5);
    assertThat(rels(p2)).contains("next", "prev");
    JsonNode p3 = follow(link(p2, "next"));
    assertThat(p3.at("/numberReturned").asLong()).isEqualTo(1);
    assertThat(rels(p3)).contains("prev").doesNotContain("next");
    JsonNode back = follow(link(p3, "prev"));
    assertThat(back.at("/features/0/id").asLong()).isEqualTo(p2.at("/features/0/id").asLong());
    List<Long> seen = new ArrayList<>();
    for (JsonNode p : List.of(p1, p2, p3)) {
      p.at("/features").forEach(f -> seen.add(f.at("/id").asLong()));
    }
    assertThat(seen).isSorted().containsExactlyElementsOf(created);

    String firstTwo = "bbox=" + (LON - 0.0005) + "," + (LAT + 0.0295) + "," + (LON + 0.0025)
        + "," + (LAT + 0.0315);
    assertThat(leader.get(ITEMS + "?" + firstTwo).json().at("/numberMatched").asLong())
        .isEqualTo(2);
    String latLon = "bbox=" + (LAT + 0.0295) + "," + (LON - 0.0005) + "," + (LAT + 0.0315) + ","
        + (LON + 0.0095) + "&bbox-crs=" + enc(EPSG + "4490");
    assertThat(leader.get(ITEMS + "?" + latLon).json().at("/numberMatched").asLong())
        .isEqualTo(5);
    assertThat(leader.get(ITEMS + "?" + row + "&created_by=admin").json().at("/numberMatched")
        .asLong()).isEqualTo(5);
    assertThat(leader.get(ITEMS + "?" + row + "&created_by=planner").json()
        .at("/numberMatched").asLong()).isZero();
    assertThat(leader.get(ITEMS + "?" + row + "&name=" + enc("页3")).json()
        .at("/features/0/id").asLong()).isEqualTo(created.get(3));

    for (String q : List.of("?foo=1", "?limit=0", "?limit=10001", "?limit=x", "?bbox=1,2,3",
        "?bbox=3,2,1,1", "?crs=EPSG%3A4326", "?community=abc", "?limit=5&limit=6",
        "?after=abc", "?after=1&before=9", "?households=3")) {
      Http.Response r = leader.get(ITEMS + q);
      assertThat(r.status()).as(q).isEqualTo(400);
    }
    assertThat(leader.get(ITEMS + "?foo=1").json().get("detail").asString())
        .contains("community", "created_by");
    assertThat(leader.get(ITEMS + "/" + created.get(0) + "?foo=1").status()).isEqualTo(400);
    assertThat(leader.get(ITEMS + "/999999999").status()).isEqualTo(404);
    assertThat(leader.get(ITEMS + "/abc").status()).isEqualTo(404);
  }

  @Test
  void answersAndTakesEpsg4547InNorthingEastingOrder() {
    double lon = LON + 0.015;
    double lat = LAT + 0.020;
    Http.Response created = planner.post(ITEMS, square("高斯", lon, lat, 0.001, ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    double[] en = Crs.transform(Crs.LONLAT, Crs.GK_114E, lon, lat);

    Http.Response gk = leader.get(ITEMS + "?name=" + enc("高斯") + "&crs=" + enc(EPSG + "4547"));
    assertThat(gk.header("Content-Crs")).isEqualTo("<" + EPSG + "4547>");
    JsonNode corner = gk.json().at("/features/0/geometry/coordinates/0/0");
    assertThat(corner.get(0).asDouble()).as("northing first").isCloseTo(en[1], within(0.01));
    assertThat(corner.get(1).asDouble()).as("easting second").isCloseTo(en[0], within(0.01));
    String box = (en[1] - 10) + "," + (en[0] - 10) + "," + (en[1] + 10) + "," + (en[0] + 10);
    assertThat(leader.get(ITEMS + "?bbox=" + box + "&bbox-crs=" + enc(EPSG + "4547")).json()
        .at("/features/0/properties/name").asString()).isEqualTo("高斯");
    JsonNode latLon = leader.get(path(created.header("Location")) + "?crs=" + enc(EPSG + "4490"))
        .json().at("/geometry/coordinates/0/0");
    assertThat(latLon.get(0).asDouble()).isCloseTo(lat, within(1e-9));
    assertThat(latLon.get(1).asDouble()).isCloseTo(lon, within(1e-9));

    // A body in EPSG:4547 (northing, easting) named by Content-Crs is stored in lon/lat.
    double west = lon + 0.002;
    StringBuilder ring = new StringBuilder();
    for (double[] p : new double[][] {{west, lat}, {west + 0.001, lat}, {west + 0.001, lat + 0.001},
        {west, lat + 0.001}, {west, lat}}) {
      double[] q = Crs.transform(Crs.LONLAT, Crs.GK_114E, p[0], p[1]);
      ring.append(ring.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%s,%s]",
          q[1], q[0]));
    }
    String body = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
        + ring + "]]},\"properties\":{\"name\":\"高斯二\"}}";
    Http.Response r = planner.send(planner.builder(ITEMS)
        .header("Content-Type", "application/geo+json")
        .header("Content-Crs", "<" + EPSG + "4547>")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode stored = leader.get("/api/linked-areas/" + r.json().at("/id").asLong()).json()
        .at("/geometry/coordinates/0/0");
    assertThat(stored.get(0).asDouble()).isCloseTo(west, within(1e-7));
    assertThat(stored.get(1).asDouble()).isCloseTo(lat, within(1e-7));
  }

  @Test
  void communityFilterSelectsTheAreasAMemberCommunityBelongsTo() {
    // All of K1 and about a fifth of K2 (its western 0.0002° of 0.001°).
    Http.Response a = planner.post(ITEMS, rectangle("K片", LON + 0.0199, LAT + 0.0099, 0.0015,
        0.0012));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    long areaA = a.json().at("/id").asLong();
    assertThat(ids(leader.get(ITEMS + "?community=" + k1).json())).containsExactly(areaA);
    assertThat(leader.get(ITEMS + "?community=" + k2).json().at("/numberMatched").asLong())
        .as("a fifth inside is a partial member, not a member").isZero();
    assertThat(leader.get(ITEMS + "?community=999999999").json().at("/numberMatched").asLong())
        .isZero();
    assertThat(leader.get(ITEMS + "?community=" + k1 + "&name=" + enc("别的")).json()
        .at("/numberMatched").asLong()).isZero();

    // Widened over all of K2, the same area now counts K2 as a member: the next page says so.
    String wider = "{\"geometry\":" + rectangleGeometry(LON + 0.0199, LAT + 0.0099, 0.0025,
        0.0012) + "}";
    Http.Response widened = patch(planner, path(a.header("Location")), wider, "\"1\"");
    assertThat(widened.status()).as(widened.body()).isEqualTo(200);
    assertThat(ids(leader.get(ITEMS + "?community=" + k2).json())).containsExactly(areaA);
    JsonNode report = leader.get("/api/linked-areas/" + areaA + "/report").json();
    assertThat(report.get("members").findValuesAsString("name")).containsExactly("K1", "K2");
  }

  @Test
  void gdalReadsTheAreasOnlyWhenSignedIn(@TempDir Path dir) throws Exception {
    org.jointworks.support.ExternalTools.assume(org.jointworks.support.ExternalTools.OGR2OGR);
    Http.Response created = planner.post(ITEMS, square("读片", LON + 0.030, LAT + 0.020, 0.001,
        ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Path out = dir.resolve("areas.geojson");
    ProcessBuilder signedIn = new ProcessBuilder(OGR2OGR, "-f", "GeoJSON", out.toString(),
        "OAPIF:http://127.0.0.1:" + port + "/ogcapi", "linked-areas",
        "-spat", "" + (LON + 0.0299), "" + (LAT + 0.0199), "" + (LON + 0.0311), "" + (LAT + 0.0211))
        .redirectErrorStream(true);
    signedIn.environment().putAll(Map.of("GDAL_HTTP_AUTH", "BASIC",
        "GDAL_HTTP_USERPWD", "leader:demo"));
    Process p = signedIn.start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("ogr2ogr said: %s", said).isZero();
    JsonNode read = Http.JSON.readTree(Files.readString(out));
    assertThat(read.at("/features").size()).isEqualTo(1);
    assertThat(read.at("/features/0/properties/name").asString()).isEqualTo("读片");
    assertThat(read.at("/features/0/properties/created_by").asString()).isEqualTo("planner");
    assertThat(read.at("/features/0/geometry/coordinates/0/0/0").asDouble())
        .isCloseTo(LON + 0.030, within(1e-7));

    Process anonymous = new ProcessBuilder(OGR2OGR, "-f", "GeoJSON",
        dir.resolve("anon.geojson").toString(), "OAPIF:http://127.0.0.1:" + port + "/ogcapi",
        "linked-areas").redirectErrorStream(true).start();
    said = new String(anonymous.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(anonymous.waitFor()).as("ogr2ogr said: %s", said).isNotZero();
  }

  // ---- helpers

  long auditRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE subject = 'linked_areas'",
        Long.class);
  }

  List<String> auditActions(long id) {
    return jdbc.queryForList("SELECT action FROM audit_log WHERE subject = 'linked_areas'"
        + " AND subject_id = ? ORDER BY id", String.class, id);
  }

  long storedNamed(String name) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM linked_areas WHERE name = ?", Long.class,
        name);
  }

  static String square(String name, double lon, double lat, double size, String extra) {
    return "{\"type\":\"Feature\"," + extra + "\"geometry\":" + polygon(lon, lat, size)
        + ",\"properties\":{\"name\":\"" + name + "\",\"note\":\"测试\"}}";
  }

  static String rectangle(String name, double lon, double lat, double w, double h) {
    return "{\"type\":\"Feature\",\"geometry\":" + rectangleGeometry(lon, lat, w, h)
        + ",\"properties\":{\"name\":\"" + name + "\"}}";
  }

  static String polygon(double lon, double lat, double size) {
    return rectangleGeometry(lon, lat, size, size);
  }

  static String rectangleGeometry(double lon, double lat, double w, double h) {
    return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],"
        + "[%s,%s],[%s,%s],[%s,%s]]]}", lon, lat, lon + w, lat, lon + w, lat + h, lon, lat + h,
        lon, lat);
  }

  static Http.Response patch(Http http, String path, String body, String ifMatch) {
    HttpRequest.Builder b = http.builder(path)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return http.send(b);
  }

  JsonNode follow(String href) {
    return leader.get(path(href)).json();
  }

  /** The collection ids of a collections document, or the feature ids of an items page. */
  static List<Object> ids(JsonNode doc) {
    List<Object> out = new ArrayList<>();
    if (doc.has("collections")) {
      doc.at("/collections").forEach(c -> out.add(c.at("/id").asString()));
    } else {
      doc.at("/features").forEach(f -> out.add(f.at("/id").asLong()));
    }
    return out;
  }
}
