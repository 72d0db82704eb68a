package org.jointworks.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.tiles.TilesH2gisTest.decode;
import static org.jointworks.tiles.TilesH2gisTest.path;
import static org.jointworks.tiles.TilesH2gisTest.tile;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.jointworks.tiles.mvt.TileCoord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An edit invalidates the cached tiles it touches and only those: a tile elsewhere keeps its
 * bytes and ETag (clients revalidate with 304), a touched one shows the edit at once, and a
 * feature moved from one tile to another leaves the first and appears in the second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TileInvalidationTest {
  private static final String TILES = "/ogcapi/collections/communities/tiles/WebMercatorQuad/";
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void anEditRebuildsTheTilesItTouchesAndKeepsTheOthers() throws IOException {
    Http admin = Http.anonymous(port).as("admin");
    Http anonymous = Http.anonymous(port);
    assertThat(admin.post("/api/import/communities", collection(
        community("Here", "weibin", 113.700, 35.200, 0.001, 10),
        community("There", "weibin", 113.600, 35.100, 0.001, 20))).status()).isEqualTo(200);
    String here = TILES + path(z14(113.7005, 35.2005));
    String there = TILES + path(z14(113.6005, 35.1005));
    HttpResponse<byte[]> hereBefore = tile(anonymous, here);
    HttpResponse<byte[]> thereBefore = tile(anonymous, there);
    assertThat(names(hereBefore)).containsExactly("Here");
    assertThat(names(thereBefore)).containsExactly("There");

    String item = "/ogcapi/collections/communities/items/" + id(anonymous, "Here");
    patch(admin, anonymous, item, "{\"properties\":{\"households\":11}}");

    HttpResponse<byte[]> thereAfter = tile(anonymous, there);
    assertThat(etag(thereAfter)).isEqualTo(etag(thereBefore));
    assertThat(thereAfter.body()).isEqualTo(thereBefore.body());
    assertThat(anonymous.sendBytes(anonymous.builder(there)
        .header("If-None-Match", etag(thereBefore)).GET()).statusCode()).isEqualTo(304);
    HttpResponse<byte[]> hereAfter = tile(anonymous, here);
    assertThat(etag(hereAfter)).isNotEqualTo(etag(hereBefore));
    assertThat(households(hereAfter)).containsExactly(11L);
    assertThat(anonymous.sendBytes(anonymous.builder(here)
        .header("If-None-Match", etag(hereBefore)).GET()).statusCode()).isEqualTo(200);

    // Moved into the other tile: both tiles change, "Here" leaves one and joins the other.
    JsonNode moved = Http.JSON.readTree(community("Here", "weibin", 113.6003, 35.1003, 0.0004, 11));
    patch(admin, anonymous, item, "{\"geometry\":" + moved.get("geometry") + "}");
    assertThat(names(tile(anonymous, here))).isEmpty();
    HttpResponse<byte[]> thereMoved = tile(anonymous, there);
    assertThat(etag(thereMoved)).isNotEqualTo(etag(thereBefore));
    assertThat(names(thereMoved)).containsExactlyInAnyOrder("Here", "There");

    // Deleted: gone from the tile it was in.
    assertThat(admin.delete(item, anonymous.get(item).header("ETag")).status()).isEqualTo(204);
    assertThat(names(tile(anonymous, there))).containsExactly("There");
  }

  /** A feature in the buffer drawn around a tile (not in the tile itself) invalidates it too. */
  @Test
  void anEditInATilesBufferRebuildsIt() throws IOException {
    Http admin = Http.anonymous(port).as("admin");
    Http anonymous = Http.anonymous(port);
    TileCoord t = z14(113.8005, 35.4005);
    double[] corner = Crs.transform(3857, 4490, t.envelope3857().getMaxX(),
        t.envelope3857().getMaxY());
    // Just east of the tile's edge, within its 64-unit (1/64 of a tile, ~38 m) buffer.
    double lon = corner[0] + 0.00005;
    double lat = corner[1] - 0.0003;
    assertThat(admin.post("/api/import/communities", collection(
        community("Edge", "weibin", lon, lat, 0.0001, 5))).status()).isEqualTo(200);
    HttpResponse<byte[]> before = tile(anonymous, TILES + path(t));
    String item = "/ogcapi/collections/communities/items/" + id(anonymous, "Edge");
    patch(admin, anonymous, item, "{\"properties\":{\"households\":6}}");
    assertThat(etag(tile(anonymous, TILES + path(t)))).isNotEqualTo(etag(before));
  }

  /**
   * Writers and tile readers at the same time: once the writes have answered, every tile shows
   * every community's last value — no interleaving of builds, keeps and writes leaves a stale
   * tile behind.
   */
  @Test
  void concurrentWritesNeverLeaveAStaleTile() throws Exception {
    Http admin = Http.anonymous(port).as("admin");
    Http anonymous = Http.anonymous(port);
    List<String> features = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Three z14 tiles' worth of communities, four to a tile.
      features.add(community("Busy" + i, "weibin", 113.9 + (i % 3) * 0.03 + (i / 3) * 0.002,
          35.45, 0.001, 1));
    }
    assertThat(admin.post("/api/import/communities", collection(features.toArray(String[]::new)))
        .status()).isEqualTo(200);
    List<String> tiles = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      tiles.add(TILES + path(z14(113.9 + t * 0.03 + 0.003, 35.4505)));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    List<java.util.concurrent.Future<?>> work = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    for (int w = 0; w < 3; w++) {
      int writer = w;
      work.add(pool.submit(() -> {
        for (int round = 0; round < 15; round++) {
          for (int i = writer; i < 12; i += 3) {
            String item = "/ogcapi/collections/communities/items/" + id(anonymous, "Busy" + i);
            patch(admin, anonymous, item, "{\"properties\":{\"households\":" + (round + 2) + "}}");
          }
        }
        return null;
      }));
    }
    for (int r = 0; r < 3; r++) {
      work.add(pool.submit(() -> {
        while (writing.get()) {
          for (String t : tiles) {
            assertThat(tile(anonymous, t).statusCode()).isEqualTo(200);
          }
        }
        return null;
      }));
    }
    for (int i = 0; i < 3; i++) {
      work.get(i).get();
    }
    writing.set(false);
    for (var f : work) {
      f.get();
    }
    pool.shutdown();
    List<Object> shown = new ArrayList<>();
    for (String t : tiles) {
      shown.addAll(households(tile(anonymous, t)));
    }
    assertThat(shown).hasSize(12).containsOnly(16L);
  }

  private static void patch(Http admin, Http anonymous, String item, String body) {
    HttpRequest.Builder b = admin.builder(item)
        .header("Content-Type", "application/merge-patch+json")
        .header("If-Match", anonymous.get(item).header("ETag"))
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    assertThat(admin.send(b).status()).isEqualTo(200);
  }

  private static long id(Http http, String name) {
    return http.get("/ogcapi/collections/communities/items?name=" + name).json()
        .at("/features/0/id").asLong();
  }

  private static TileCoord z14(double lon, double lat) {
    double[] m = Crs.transform(4490, 3857, lon, lat);
    return TileCoord.containing(14, m[0], m[1]);
  }

  private static String etag(HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    return r.headers().firstValue("ETag").orElseThrow();
  }

  private static List<Object> names(HttpResponse<byte[]> r) throws IOException {
    return property(r, "name");
  }

  private static List<Object> households(HttpResponse<byte[]> r) throws IOException {
    return property(r, "households");
  }

  private static List<Object> property(HttpResponse<byte[]> r, String name) throws IOException {
    assertThat(r.statusCode()).isEqualTo(200);
    JtsMvt mvt = decode(r.body());
    List<Object> out = new ArrayList<>();
    if (mvt.getLayer("communities") != null) {
      mvt.getLayer("communities").getGeometries()
          .forEach(g -> out.add(((Map<?, ?>) g.getUserData()).get(name)));
    }
    return out;
  }
}
