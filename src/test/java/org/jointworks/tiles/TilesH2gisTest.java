package org.jointworks.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.pipeline;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import com.jayway.jsonpath.JsonPath;
import org.jointworks.geo.Crs;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.jointworks.tiles.mvt.TileCoord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

/** OGC API – Tiles through HTTP on H2GIS, and the done-when: a Part 4 edit shows at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TilesH2gisTest {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext context;
  Http anonymous;
  TileCoord z14;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @BeforeEach
  void data() {
    anonymous = Http.anonymous(port);
    double[] m = Crs.transform(4490, 3857, 113.851, 35.301);
    z14 = TileCoord.containing(14, m[0], m[1]);
    if (jdbc.queryForObject("SELECT COUNT(*) FROM communities", Long.class) > 0) {
      return;
    }
    assertThat(anonymous.as("admin").post("/api/import/communities", collection(
        community("Tile0", "weibin", 113.85, 35.30, 0.002, 100))).status()).isEqualTo(200);
    assertThat(anonymous.as("admin").post("/api/import/pipelines", collection(
        pipeline("gas", 113.8505, 35.3005))).status()).isEqualTo(200);
    assertThat(anonymous.as("admin").post("/api/import/pipe-points", collection("""
        {"type":"Feature","geometry":{"type":"Point","coordinates":[113.8506,35.3005]},
         "properties":{"point_no":"T1","appurtenance":"valve","utility":"gas","owner":"gas"}}"""))
        .status()).isEqualTo(200);
  }

  /**
   * Pipe points are in the signed-in tiles from zoom 15 and never reach anonymous users: not in
   * the all-layers tileset at any zoom, 401 on their own tileset, absent from every other layer's.
   */
  @Test
  void pipePointsAreInSignedInTilesFromZoom15AndNeverInAnonymousOnes() throws IOException {
    double[] m = Crs.transform(4490, 3857, 113.8506, 35.3005);
    for (int z : new int[] {14, 15, 18}) {
      String at = path(TileCoord.containing(z, m[0], m[1]));
      JtsMvt anon = decode(tile(anonymous, "/ogcapi/tiles/WebMercatorQuad/" + at).body());
      assertThat(anon.getLayersByName()).as("z" + z).doesNotContainKey("pipe-points");
      JtsMvt gas = decode(tile(anonymous.as("gas"), "/ogcapi/tiles/WebMercatorQuad/" + at).body());
      assertThat(gas.getLayersByName().containsKey("pipe-points")).as("z" + z).isEqualTo(z >= 15);
      for (String layer : List.of("communities", "pipelines", "works")) {
        var own = tile(anonymous.as("leader"), "/ogcapi/collections/" + layer
            + "/tiles/WebMercatorQuad/" + at);
        assertThat(decode(own.body()).getLayersByName()).doesNotContainKey("pipe-points");
      }
      String points = "/ogcapi/collections/pipe-points/tiles/WebMercatorQuad/" + at;
      assertThat(tile(anonymous, points).statusCode()).isEqualTo(401);
      assertThat(tile(anonymous, points + "?f=mvt").statusCode()).isEqualTo(401);
    }
    String at = path(TileCoord.containing(16, m[0], m[1]));
    JtsMvt own = decode(tile(anonymous.as("leader"),
        "/ogcapi/collections/pipe-points/tiles/WebMercatorQuad/" + at).body());
    var point = own.getLayer("pipe-points").getGeometries().iterator().next();
    assertThat(((Map<?, ?>) point.getUserData()).get("appurtenance")).isEqualTo("valve");
    assertThat(anonymous.get("/ogcapi/collections/pipe-points/tiles").status()).isEqualTo(401);
    assertThat(anonymous.get("/ogcapi/tiles/WebMercatorQuad").body()).doesNotContain("pipe-points");
  }

  @Test
  void metadataNamesLayersAndTheirMinZooms() {
    JsonNode ts = anonymous.get("/ogcapi/tiles/WebMercatorQuad").json();
    assertThat(ts.at("/dataType").asString()).isEqualTo("vector");
    assertThat(ts.at("/tileMatrixSetURI").asString()).endsWith("/WebMercatorQuad");
    assertThat(ts.at("/layers/1/id").asString()).isEqualTo("communities");
    assertThat(ts.at("/layers/1/minTileMatrix").asString()).isEqualTo("0");
    assertThat(ts.at("/layers").toString()).doesNotContain("pipelines");
    assertThat(anonymous.as("leader").get("/ogcapi/tiles/WebMercatorQuad").json()
        .at("/layers").toString()).contains("pipelines");
    JsonNode tms = anonymous.get("/ogcapi/tileMatrixSets/WebMercatorQuad").json();
    assertThat(tms.at("/tileMatrices/14/matrixWidth").asLong()).isEqualTo(16384);
    JsonNode tj = anonymous.get("/ogcapi/tiles/WebMercatorQuad/tilejson.json").json();
    assertThat(tj.at("/tiles/0").asString()).endsWith("/ogcapi/tiles/WebMercatorQuad/{z}/{y}/{x}");
    assertThat(anonymous.get("/ogcapi/collections/communities/tiles").status()).isEqualTo(200);
    assertThat(anonymous.get("/ogcapi/tileMatrixSets").status()).isEqualTo(200);
  }

  /**
   * Issue 16: a tilesets list element carries the subset of the tileset metadata that OGC 20-057
   * /req/tilesets-list/tileset-links asks for (dataType, crs, tileMatrixSetURI, a self and a
   * tiling-scheme link), and, like the tileset itself, the tile template as a templated item link
   * (/req/tileset/description) and the tile matrix set limits; the ETS also reads
   * tileMatrixSetId there. The first limit's tile answers and the row after it is refused, which
   * is what the ETS requests.
   */
  @Test
  void tilesetsListsAndTilesetsCarryTheStandardsMembers() {
    for (String base : List.of("/ogcapi/tiles", "/ogcapi/collections/communities/tiles")) {
      String list = anonymous.get(base).body();
      String tileset = anonymous.get(base + "/WebMercatorQuad").body();
      assertThat(JsonPath.<String>read(list, "$.tilesets[0].dataType")).isEqualTo("vector");
      assertThat(JsonPath.<String>read(list, "$.tilesets[0].crs")).endsWith("/EPSG/0/3857");
      assertThat(JsonPath.<String>read(list, "$.tilesets[0].tileMatrixSetURI"))
          .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
      assertThat(JsonPath.<String>read(list, "$.tilesets[0].tileMatrixSetId"))
          .isEqualTo("WebMercatorQuad");
      assertThat(JsonPath.<List<String>>read(list,
          "$.tilesets[0].links[?(@.rel == 'self')].href"))
          .singleElement().asString().endsWith(base + "/WebMercatorQuad");
      for (String doc : List.of(list, tileset)) {
        String at = doc == list ? "$.tilesets[0]" : "$";
        assertThat(JsonPath.<List<String>>read(doc, at + ".links[?(@.rel == "
            + "'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme')].href"))
            .as(base).singleElement().asString().endsWith("/ogcapi/tileMatrixSets/WebMercatorQuad");
        assertThat(JsonPath.<List<Object>>read(doc, at + ".links[?(@.rel == 'item')].templated"))
            .as(base).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(doc, at + ".links[?(@.rel == 'item')].href"))
            .singleElement().asString()
            .endsWith(base + "/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
        // Every tile matrix we serve, 0 to 22, whole; the registered set goes on to 24.
        assertThat(JsonPath.<List<String>>read(doc, at + ".tileMatrixSetLimits[*].tileMatrix"))
            .hasSize(23).startsWith("0", "1").endsWith("22");
        assertThat(JsonPath.<Integer>read(doc, at + ".tileMatrixSetLimits[14].maxTileRow"))
            .isEqualTo(16383);
        assertThat(JsonPath.<Integer>read(doc, at + ".tileMatrixSetLimits[22].maxTileCol"))
            .isEqualTo(4194303);
        assertThat(JsonPath.<Integer>read(doc, at + ".tileMatrixSetLimits[14].minTileCol"))
            .isZero();
      }
      assertThat(tile(anonymous, base + "/WebMercatorQuad/0/0/0").statusCode()).isEqualTo(200);
      assertThat(tile(anonymous, base + "/WebMercatorQuad/0/1/0").statusCode()).isEqualTo(400);
      assertThat(tile(anonymous, base + "/WebMercatorQuad/23/0/0").statusCode()).isEqualTo(400);
    }
    String tms = anonymous.get("/ogcapi/tileMatrixSets/WebMercatorQuad").body();
    assertThat(JsonPath.<List<String>>read(tms, "$.tileMatrices[*].id"))
        .hasSize(25).endsWith("24");
  }

  /**
   * Issue 16: the API document names the tiles operations with the operationId suffixes of OGC
   * 20-057 Table 11 (/req/oas30/operation-id), has a path for every tilesets list, tileset and
   * tile (/req/oas30/completeness), and every operation id is unique — for anonymous callers and
   * for signed-in ones, who also see the private layers.
   */
  @Test
  void theApiDocumentNamesTilesOperationsAsTable11() {
    String anon = anonymous.get("/ogcapi/api").body();
    String signedIn = anonymous.as("leader").get("/ogcapi/api").body();
    String tile = "/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}";
    for (String doc : List.of(anon, signedIn)) {
      assertThat(operationId(doc, "/tiles")).endsWith(".dataset.vector.getTileSetsList");
      assertThat(operationId(doc, "/tiles/WebMercatorQuad")).endsWith(".dataset.vector.getTileSet");
      assertThat(operationId(doc, "/tiles" + tile)).endsWith(".dataset.vector.getTile");
      String c = "/collections/communities/tiles";
      assertThat(operationId(doc, c)).isEqualTo("communities.collection.vector.getTileSetsList");
      assertThat(operationId(doc, c + "/WebMercatorQuad"))
          .isEqualTo("communities.collection.vector.getTileSet");
      assertThat(operationId(doc, c + tile)).isEqualTo("communities.collection.vector.getTile");
      List<String> ids = JsonPath.read(doc, "$.paths.*.*.operationId");
      Set<String> unique = new HashSet<>(ids);
      assertThat(unique).hasSameSizeAs(ids);
      // Tiles metadata is JSON only: no HTML and no f parameter promised.
      assertThat(JsonPath.<Map<String, Object>>read(doc, "$.paths['/tiles'].get.responses.200"
          + ".content")).containsOnlyKeys("application/json");
    }
    assertThat(operationId(signedIn, "/collections/pipelines/tiles" + tile))
        .isEqualTo("pipelines.collection.vector.getTile");
    assertThat(JsonPath.<Map<String, Object>>read(anon, "$.paths"))
        .doesNotContainKey("/collections/pipelines/tiles/WebMercatorQuad");
    assertThat(JsonPath.<List<String>>read(anonymous.get("/ogcapi/conformance").body(),
        "$.conformsTo")).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30");
    // Every tiles link of the landing page and the tilesets leads to a path of the document.
    List<String> linked = new ArrayList<>();
    String root = "http://127.0.0.1:" + port + "/ogcapi";
    for (String base : List.of("/ogcapi/tiles", "/ogcapi/collections/communities/tiles")) {
      String set = anonymous.get(base + "/WebMercatorQuad").body();
      linked.addAll(JsonPath.<List<String>>read(set, "$.links[*].href"));
      linked.addAll(JsonPath.<List<String>>read(anonymous.get(base).body(),
          "$.tilesets[*].links[*].href"));
    }
    Map<String, Object> paths = JsonPath.read(anon, "$.paths");
    for (String href : linked) {
      assertThat(paths).as(href).containsKey(href.substring(root.length()));
    }
  }

  private static String operationId(String api, String path) {
    return JsonPath.read(api, "$.paths['" + path + "'].get.operationId");
  }

  @Test
  void anonymousTilesHaveNoPipelinesSignedInTilesDo() throws IOException {
    JtsMvt anon = decode(tile(anonymous, "/ogcapi/tiles/WebMercatorQuad/" + path(z14)).body());
    assertThat(anon.getLayersByName()).containsKey("communities").doesNotContainKey("pipelines");
    JtsMvt leader = decode(tile(anonymous.as("leader"), "/ogcapi/tiles/WebMercatorQuad/"
        + path(z14)).body());
    assertThat(leader.getLayersByName()).containsKeys("communities", "pipelines");
    assertThat(tile(anonymous, "/ogcapi/collections/pipelines/tiles/WebMercatorQuad/"
        + path(z14)).statusCode()).isEqualTo(401);
    assertThat(tile(anonymous.as("gas"), "/ogcapi/collections/pipelines/tiles/WebMercatorQuad/"
        + path(z14)).statusCode()).isEqualTo(200);
    assertThat(tile(anonymous, "/ogcapi/tiles/WebMercatorQuad/3/9/0").statusCode())
        .isEqualTo(400);
    assertThat(tile(anonymous, "/ogcapi/tiles/WebMercatorQuad/a/0/0").statusCode())
        .isEqualTo(400);
  }

  @Test
  void tilesCarryEtagsAnswer304AndGzip() throws IOException {
    String url = "/ogcapi/collections/communities/tiles/WebMercatorQuad/" + path(z14);
    HttpResponse<byte[]> first = tile(anonymous, url);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.mapbox-vector-tile");
    assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = anonymous.sendBytes(anonymous.builder(url)
        .header("If-None-Match", etag).GET());
    assertThat(again.statusCode()).isEqualTo(304);
    HttpResponse<byte[]> gz = anonymous.sendBytes(anonymous.builder(url)
        .header("Accept-Encoding", "gzip").GET());
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
    assertThat(plain).isEqualTo(first.body());
  }

  /**
   * The anonymous fast path (AnonymousTileFilter) and the full chain answer the same tile: a
   * query string sends the request down the chain, a plain anonymous GET is answered early.
   */
  @Test
  void theAnonymousFastPathAnswersWhatTheFullChainAnswers() {
    String url = "/ogcapi/tiles/WebMercatorQuad/" + path(z14);
    HttpResponse<byte[]> fast = tile(anonymous, url);
    HttpResponse<byte[]> full = tile(anonymous, url + "?f=mvt");
    assertThat(fast.statusCode()).isEqualTo(200);
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(fast.body()).isNotEmpty().isEqualTo(full.body());
    assertThat(fast.headers().firstValue("ETag")).isEqualTo(full.headers().firstValue("ETag"));
    assertThat(fast.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // A private layer's tileset is never served early: anonymous users still get 401.
    assertThat(tile(anonymous, "/ogcapi/collections/pipelines/tiles/WebMercatorQuad/"
        + path(z14)).statusCode()).isEqualTo(401);
    // The chain's rules name layers exactly; the early path must not take another spelling.
    assertThat(tile(anonymous, "/ogcapi/collections/COMMUNITIES/tiles/WebMercatorQuad/"
        + path(z14)).statusCode()).isEqualTo(401);
  }

  /** A tile leaves in one socket write: Tomcat's write buffer is set (docs/benchmarks.md). */
  @Test
  void tomcatWritesATileInOneBuffer() {
    var tomcat = (org.springframework.boot.tomcat.TomcatWebServer) context.getWebServer();
    assertThat(tomcat.getTomcat().getConnector().getProperty("socket.appWriteBufSize"))
        .hasToString("65536");
    // Requests are handed to the last idle thread (system/WorkerThreads), not Tomcat's own pool.
    assertThat(tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor())
        .isInstanceOf(java.util.concurrent.ThreadPoolExecutor.class)
        .extracting(e -> ((java.util.concurrent.ThreadPoolExecutor) e).getQueue())
        .isInstanceOf(java.util.concurrent.SynchronousQueue.class);
  }

  /** The done-when of issue 3: an edit through Part 4 shows in the next tile and items page. */
  @Test
  @SuppressWarnings("unchecked")
  void aPart4EditIsVisibleInTheNextTileAndItemsPage() throws IOException {
    Http planner = anonymous.as("planner");
    String tileUrl = "/ogcapi/tiles/WebMercatorQuad/" + path(z14);
    JtsMvt before = decode(tile(anonymous, tileUrl).body());
    assertThat(households(before)).isEqualTo(100L);
    JsonNode page = anonymous.get("/ogcapi/collections/communities/items?name=Tile0").json();
    long id = page.at("/features/0/id").asLong();
    String item = "/ogcapi/collections/communities/items/" + id;
    String etag = anonymous.get(item).header("ETag");
    HttpRequest.Builder patch = planner.builder(item)
        .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(
            "{\"properties\":{\"households\":321}}"));
    assertThat(planner.send(patch).status()).isEqualTo(200);
    assertThat(households(decode(tile(anonymous, tileUrl).body()))).isEqualTo(321L);
    assertThat(anonymous.get("/ogcapi/collections/communities/items?name=Tile0").json()
        .at("/features/0/properties/households").asLong()).isEqualTo(321);
  }

  private static Object households(JtsMvt tile) {
    var g = tile.getLayer("communities").getGeometries().iterator().next();
    return ((Map<String, Object>) g.getUserData()).get("households");
  }

  static String path(TileCoord t) {
    return t.z() + "/" + t.y() + "/" + t.x();
  }

  static HttpResponse<byte[]> tile(Http http, String path) {
    return http.sendBytes(http.builder(path).GET());
  }

  static JtsMvt decode(byte[] mvt) throws IOException {
    return MvtReader.loadMvt(new ByteArrayInputStream(mvt), new GeometryFactory(),
        new TagKeyValueMapConverter());
  }
}
