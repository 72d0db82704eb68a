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
import java.util.Map;
import java.util.zip.GZIPInputStream;
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
  }

  @Test
  void metadataNamesLayersAndTheirMinZooms() {
    JsonNode ts = anonymous.get("/ogcapi/tiles/WebMercatorQuad").json();
    assertThat(ts.at("/dataType").asString()).isEqualTo("vector");
    assertThat(ts.at("/tileMatrixSetURI").asString()).endsWith("/WebMercatorQuad");
    assertThat(ts.at("/layers/1/id").asString()).isEqualTo("communities");
    assertThat(ts.at("/layers/1/minTileMatrix").asString()).isEqualTo("10");
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
