package org.jointworks.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.pipeline;
import static org.jointworks.support.Fixtures.work;
import static org.jointworks.support.OgcLinks.enc;
import static org.jointworks.support.OgcLinks.link;
import static org.jointworks.support.OgcLinks.rels;

import java.net.http.HttpRequest;
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
 * OGC API – Features Parts 1, 2 and 4 through HTTP on the running service, asserted with JSON
 * pointers. Subclasses run it on H2GIS and on PostGIS. The data is loaded once per context: five
 * communities in weibin, two in hongqi, three works and a gas pipeline.
 */
abstract class OgcFeaturesContract {
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;
  Http admin;
  Http planner;

  @BeforeEach
  void data() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    planner = anonymous.as("planner");
    if (jdbc.queryForObject("SELECT COUNT(*) FROM works", Long.class) > 0) {
      return;
    }
    List<String> cs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cs.add(community("W" + i, "weibin", 113.85 + i * 0.01, 35.30, 0.002, 100 + i));
    }
    cs.add(community("H0", "hongqi", 113.95, 35.28, 0.002, 50));
    cs.add(community("H1", "hongqi", 113.96, 35.28, 0.002, 60));
    assertThat(admin.post("/api/import/communities", collection(cs.toArray(String[]::new)))
        .status()).isEqualTo(200);
    assertThat(admin.post("/api/import/works", collection(
        work("gas", 113.86, 35.301, "2023-03-01", "2023-04-30"),
        work("gas", 113.87, 35.301, "2023-06-01", "2023-07-31"),
        work("power", 113.88, 35.301, "2023-09-01", "2023-10-15"))).status()).isEqualTo(200);
    assertThat(admin.post("/api/import/pipelines", collection(pipeline("gas", 113.86, 35.302)))
        .status()).isEqualTo(200);
  }

  @Test
  void landingPageLinksTheApiConformanceAndData() {
    JsonNode d = anonymous.get("/ogcapi").json();
    assertThat(rels(d)).contains("self", "alternate", "service-desc", "service-doc",
        "conformance", "data");
    JsonNode c = anonymous.get("/ogcapi/conformance").json();
    assertThat(c.at("/conformsTo").toString()).contains(
        "ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson",
        "ogcapi-features-1/1.0/conf/oas30", "ogcapi-features-2/1.0/conf/crs");
    JsonNode api = anonymous.get("/ogcapi/api").json();
    assertThat(api.at("/openapi").asString()).startsWith("3.0");
    assertThat(api.at("/paths").has("/collections/communities/items")).isTrue();
    assertThat(api.at("/paths").has("/collections/pipelines/items")).isFalse();
  }

  /**
   * Web map clients on other sites may read the OGC APIs (CORS), but never with credentials and
   * never write: private data stays on this site.
   */
  @Test
  void otherSitesMayReadButNotWriteOrReadAsAUser() {
    String origin = "https://map.example.org";
    var items = anonymous.send(anonymous.builder("/ogcapi/collections/communities/items")
        .header("Origin", origin).GET()).raw();
    assertThat(items.statusCode()).isEqualTo(200);
    assertThat(items.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(items.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    var tile = anonymous.sendBytes(anonymous.builder("/ogcapi/tiles/WebMercatorQuad/14/6472/13373")
        .header("Origin", origin).GET());
    assertThat(tile.statusCode()).isEqualTo(200);
    assertThat(tile.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    var preflight = anonymous.send(anonymous.builder("/ogcapi/collections/communities/items")
        .header("Origin", origin).header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "if-none-match")
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())).raw();
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
        .contains("GET").doesNotContain("POST");
    var writePreflight = anonymous.send(anonymous.builder("/ogcapi/collections/communities/items")
        .header("Origin", origin).header("Access-Control-Request-Method", "POST")
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())).raw();
    assertThat(writePreflight.statusCode()).isEqualTo(403);
    assertThat(writePreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    // Signed in, the answer allows every origin but not credentials, so a browser on another
    // site never hands it over; the API itself still answers the user.
    var pipes = planner.send(planner.builder("/ogcapi/collections/pipelines/items")
        .header("Origin", origin).GET()).raw();
    assertThat(pipes.statusCode()).isEqualTo(200);
    assertThat(pipes.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(anonymous.get("/ogcapi/collections/communities/items").raw().headers()
        .firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /**
   * The API document a signed-in user reads tells the truth about sign-in: every GET it marks
   * with a security requirement answers 401 to an anonymous caller, and every GET it does not
   * mark answers without one.
   */
  @Test
  void theApiDocumentSaysWhichReadsNeedASignedInUser() {
    JsonNode paths = planner.get("/ogcapi/api").json().at("/paths");
    int secured = 0;
    for (var e : paths.properties()) {
      JsonNode get = e.getValue().get("get");
      if (get == null) {
        continue;
      }
      String path = "/ogcapi" + e.getKey().replace("{featureId}", "1")
          .replace("{tileMatrix}/{tileRow}/{tileCol}", "14/6472/13373");
      boolean needsSignIn = get.has("security") && !get.get("security").isEmpty();
      int status = anonymous.get(path).status();
      if (needsSignIn) {
        secured++;
        assertThat(status).as("anonymous GET %s", path).isEqualTo(401);
        assertThat(get.at("/responses/401").isMissingNode()).as(path).isFalse();
      } else {
        assertThat(status).as("anonymous GET %s", path).isNotEqualTo(401);
      }
    }
    assertThat(secured).isGreaterThanOrEqualTo(16); // pipelines, facilities: 8 paths each
  }

  @Test
  void anonymousSeesOnlyPublicCollections() {
    JsonNode anon = anonymous.get("/ogcapi/collections").json();
    assertThat(ids(anon)).contains("districts", "communities", "works", "streets")
        .doesNotContain("pipelines", "facilities");
    assertThat(ids(planner.get("/ogcapi/collections").json())).contains("pipelines");
    assertThat(anonymous.get("/ogcapi/collections/pipelines").status()).isEqualTo(401);
    assertThat(anonymous.get("/ogcapi/collections/pipelines/items").status()).isEqualTo(401);
    assertThat(anonymous.get("/ogcapi/collections/facilities/items").status()).isEqualTo(401);
    assertThat(anonymous.as("gas").get("/ogcapi/collections/pipelines/items").status())
        .isEqualTo(200);
  }

  @Test
  void collectionStatesCrsStorageCrsAndExtent() {
    JsonNode c = anonymous.get("/ogcapi/collections/works").json();
    assertThat(c.at("/id").asString()).isEqualTo("works");
    assertThat(c.at("/crs/0").asString()).isEqualTo(CRS84);
    assertThat(c.at("/crs").toString()).contains(EPSG + "4490", EPSG + "4547", EPSG + "3857");
    assertThat(c.at("/storageCrs").asString()).isEqualTo(EPSG + "4490");
    assertThat(c.at("/extent/spatial/bbox/0/0").asDouble()).isCloseTo(113.86, within(1e-9));
    assertThat(c.at("/extent/temporal/interval/0/0").asString()).startsWith("2023-03-01");
    assertThat(c.at("/extent/temporal/interval/0/1").asString()).startsWith("2023-10-15");
    JsonNode q = anonymous.get("/ogcapi/collections/works/queryables").json();
    assertThat(q.at("/properties/utility/enum").toString()).contains("gas");
    assertThat(q.at("/properties/start_date/format").asString()).isEqualTo("date");
  }

  @Test
  void itemsPageByNextLinksWithExactCounts() {
    JsonNode p1 = anonymous.get("/ogcapi/collections/communities/items?limit=3").json();
    assertThat(p1.at("/numberMatched").asLong()).isEqualTo(7);
    assertThat(p1.at("/numberReturned").asLong()).isEqualTo(3);
    assertThat(rels(p1)).contains("self", "alternate", "next").doesNotContain("prev");
    JsonNode p2 = follow(link(p1, "next"));
    assertThat(p2.at("/numberReturned").asLong()).isEqualTo(3);
    assertThat(rels(p2)).contains("next", "prev");
    JsonNode p3 = follow(link(p2, "next"));
    assertThat(p3.at("/numberReturned").asLong()).isEqualTo(1);
    assertThat(rels(p3)).doesNotContain("next").contains("prev");
    JsonNode back = follow(link(p3, "prev"));
    assertThat(back.at("/features/0/id").asLong()).isEqualTo(p2.at("/features/0/id").asLong());
    List<Long> seen = new ArrayList<>();
    for (JsonNode p : List.of(p1, p2, p3)) {
      p.at("/features").forEach(f -> seen.add(f.at("/id").asLong()));
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize(7).isSorted();
  }

  @Test
  void filtersOnQueryablesBboxAndDatetime() {
    assertThat(anonymous.get("/ogcapi/collections/communities/items?district=hongqi").json()
        .at("/numberMatched").asLong()).isEqualTo(2);
    assertThat(anonymous.get("/ogcapi/collections/communities/items?households=102").json()
        .at("/features/0/properties/name").asString()).isEqualTo("W2");
    JsonNode box = anonymous.get(
        "/ogcapi/collections/communities/items?bbox=113.849,35.299,113.871,35.31").json();
    assertThat(box.at("/numberMatched").asLong()).isEqualTo(3);
    JsonNode across = anonymous.get("/ogcapi/collections/communities/items?bbox=177,65,-177,70")
        .json();
    assertThat(across.at("/numberMatched").asLong()).as("across the antimeridian").isZero();
    assertThat(anonymous.get("/ogcapi/collections/communities/items?bbox=113.86,35.299,-170,35.31")
        .json().at("/numberMatched").asLong()).isEqualTo(4);
    assertThat(anonymous.get("/ogcapi/collections/works/items?datetime=2023-06-15").json()
        .at("/numberMatched").asLong()).isEqualTo(1);
    assertThat(anonymous.get("/ogcapi/collections/works/items?datetime=2023-04-01/..").json()
        .at("/numberMatched").asLong()).isEqualTo(3);
    assertThat(anonymous.get(
        "/ogcapi/collections/works/items?datetime=../2023-05-01T00:00:00Z&utility=gas").json()
        .at("/numberMatched").asLong()).isEqualTo(1);
  }

  @Test
  void refusesUnknownParametersAndBadValues() {
    String items = "/ogcapi/collections/communities/items";
    for (String q : List.of("?foo=1", "?limit=0", "?limit=10001", "?limit=x", "?bbox=1,2,3",
        "?bbox=3,2,1,1", "?datetime=yesterday", "?crs=EPSG:4326", "?households=many",
        "?bbox-crs=" + EPSG + "4490", "?limit=5&limit=6")) {
      Http.Response r = anonymous.get(items + q.replace(":", "%3A"));
      assertThat(r.status()).as(q).isEqualTo(400);
    }
    assertThat(anonymous.get("/ogcapi/collections/works/items?utility=sewage").status())
        .isEqualTo(400);
    assertThat(anonymous.get(items + "/999999999").status()).isEqualTo(404);
    assertThat(anonymous.get(items + "/abc").status()).isEqualTo(404);
    assertThat(anonymous.get(items + "?limit=10000").status()).isEqualTo(200);
  }

  @Test
  void answersInEveryOfferedCrsWithItsAxisOrder() {
    String base = "/ogcapi/collections/communities/items?name=W0&crs=";
    Http.Response lonlat = anonymous.get("/ogcapi/collections/communities/items?name=W0");
    assertThat(lonlat.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
    assertThat(lonlat.json().at("/features/0/geometry/coordinates/0/0/0").asDouble())
        .isCloseTo(113.85, within(1e-9));
    Http.Response latlon = anonymous.get(base + enc(EPSG + "4490"));
    assertThat(latlon.header("Content-Crs")).isEqualTo("<" + EPSG + "4490>");
    JsonNode p = latlon.json().at("/features/0/geometry/coordinates/0/0");
    assertThat(p.get(0).asDouble()).isCloseTo(35.30, within(1e-9));
    assertThat(p.get(1).asDouble()).isCloseTo(113.85, within(1e-9));
    JsonNode gk = anonymous.get(base + enc(EPSG + "4547")).json()
        .at("/features/0/geometry/coordinates/0/0");
    assertThat(gk.get(0).asDouble()).as("northing first").isBetween(3_900_000.0, 3_920_000.0);
    assertThat(gk.get(1).asDouble()).as("easting").isBetween(480_000.0, 500_000.0);
    JsonNode merc = anonymous.get(base + enc(EPSG + "3857")).json()
        .at("/features/0/geometry/coordinates/0/0");
    assertThat(merc.get(0).asDouble()).isCloseTo(12_673_724.0, within(5.0));
    // bbox given as lat/lon in EPSG:4490 selects the same communities as the CRS84 bbox.
    JsonNode box = anonymous.get("/ogcapi/collections/communities/items?bbox="
        + "35.299,113.849,35.31,113.871&bbox-crs=" + enc(EPSG + "4490")).json();
    assertThat(box.at("/numberMatched").asLong()).isEqualTo(3);
    JsonNode mbox = anonymous.get("/ogcapi/collections/communities/items?bbox="
        + "12673600,4204600,12674000,4205000&bbox-crs=" + enc(EPSG + "3857")).json();
    assertThat(mbox.at("/numberMatched").asLong()).isGreaterThanOrEqualTo(1);
    Http.Response item = anonymous.get("/ogcapi/collections/communities/items/"
        + lonlat.json().at("/features/0/id").asLong() + "?crs=" + enc(EPSG + "4547"));
    assertThat(item.header("Content-Crs")).isEqualTo("<" + EPSG + "4547>");
  }

  @Test
  void itemHasEtagAndLinks() {
    long id = anonymous.get("/ogcapi/collections/communities/items?name=W1").json()
        .at("/features/0/id").asLong();
    Http.Response r = anonymous.get("/ogcapi/collections/communities/items/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    assertThat(r.header("Content-Type")).startsWith("application/geo+json");
    assertThat(rels(r.json())).contains("self", "alternate", "collection");
    assertThat(r.json().at("/properties/households").asLong()).isEqualTo(101);
  }

  @Test
  void servesHtmlToBrowsers() {
    Http.Response r = anonymous.send(anonymous.builder("/ogcapi/collections/communities/items")
        .header("Accept", "text/html,application/xhtml+xml").GET());
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body()).contains("numberMatched", "W0");
    assertThat(anonymous.get("/ogcapi?f=html").body()).contains("<a href=");
    assertThat(anonymous.get("/ogcapi?f=xml").status()).isEqualTo(400);
  }

  @Test
  void createReplaceUpdateDeleteWithEtags() {
    String items = "/ogcapi/collections/communities/items";
    String body = community("New", "weibin", 113.90, 35.32, 0.002, 10);
    assertThat(anonymous.post(items, body).status()).isEqualTo(401);
    assertThat(anonymous.as("leader").post(items, body).status()).isEqualTo(403);
    assertThat(anonymous.as("gas").post(items, body).status()).isEqualTo(403);
    Http.Response created = planner.post(items, body);
    assertThat(created.status()).isEqualTo(201);
    String location = created.header("Location");
    assertThat(location).matches(".*/ogcapi/collections/communities/items/\\d+");
    String path = location.substring(location.indexOf("/ogcapi"));
    assertThat(created.header("ETag")).isEqualTo("\"1\"");

    String replaced = community("New", "weibin", 113.90, 35.32, 0.002, 20);
    assertThat(planner.put(path, replaced, null).status()).isEqualTo(428);
    assertThat(planner.put(path, replaced, "\"7\"").status()).isEqualTo(412);
    assertThat(anonymous.put(path, replaced, "\"1\"").status()).isEqualTo(401);
    assertThat(anonymous.as("leader").put(path, replaced, "\"1\"").status()).isEqualTo(403);
    Http.Response put = planner.put(path, replaced, "\"1\"");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.header("ETag")).isEqualTo("\"2\"");

    Http.Response stalePatch = patch(planner, path, "{\"properties\":{\"households\":30}}",
        "\"1\"");
    assertThat(stalePatch.status()).isEqualTo(412);
    Http.Response patched = patch(planner, path,
        "{\"properties\":{\"households\":30,\"build_year\":null}}", "\"2\"");
    assertThat(patched.status()).isEqualTo(200);
    JsonNode now = anonymous.get(path).json();
    assertThat(now.at("/properties/households").asLong()).isEqualTo(30);
    assertThat(now.at("/properties/name").asString()).isEqualTo("New");
    assertThat(now.at("/properties").has("build_year")).isFalse();
    assertThat(patch(anonymous, path, "{}", "\"3\"").status()).isEqualTo(401);

    assertThat(planner.delete(path, null).status()).isEqualTo(428);
    assertThat(planner.delete(path, "\"2\"").status()).isEqualTo(412);
    assertThat(anonymous.as("leader").delete(path, "\"3\"").status()).isEqualTo(403);
    assertThat(planner.delete(path, "\"3\"").status()).isEqualTo(204);
    assertThat(anonymous.get(path).status()).isEqualTo(404);
  }

  @Test
  void utilitiesWriteOnlyTheirOwnPipelines() {
    String items = "/ogcapi/collections/pipelines/items";
    assertThat(anonymous.as("gas").post(items, pipeline("water_supply", 113.9, 35.3)).status())
        .isEqualTo(403);
    assertThat(anonymous.as("gas").post(items, pipeline("gas", 113.9, 35.3)).status())
        .isEqualTo(201);
    assertThat(planner.post(items, pipeline("gas", 113.9, 35.3)).status()).isEqualTo(403);
    assertThat(admin.post(items, "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}")
        .status()).isEqualTo(422);
  }

  @Test
  void createsFromAnotherCrsNamedByContentCrs() {
    // The corner of community W0 (113.85 E, 35.30 N) given in EPSG:4547 northing, easting.
    double[] en = org.jointworks.geo.Crs.transform(4490, 4547, 113.95, 35.33);
    String body = String.format(java.util.Locale.ROOT, """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
         "properties":{"kind":"clinic","name":"GK"}}""", en[1], en[0]);
    Http.Response r = planner.send(planner.builder("/ogcapi/collections/facilities/items")
        .header("Content-Type", "application/geo+json")
        .header("Content-Crs", "<" + EPSG + "4547>")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.status()).isEqualTo(201);
    JsonNode p = r.json().at("/geometry/coordinates");
    assertThat(p.get(0).asDouble()).isCloseTo(113.95, within(1e-7));
    assertThat(p.get(1).asDouble()).isCloseTo(35.33, within(1e-7));
  }

  static Http.Response patch(Http http, String path, String body, String ifMatch) {
    HttpRequest.Builder b = http.builder(path).header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return http.send(b);
  }

  JsonNode follow(String href) {
    return anonymous.get(href.substring(href.indexOf("/ogcapi"))).json();
  }

  static List<String> ids(JsonNode collections) {
    List<String> out = new ArrayList<>();
    collections.at("/collections").forEach(c -> out.add(c.at("/id").asString()));
    return out;
  }
}
