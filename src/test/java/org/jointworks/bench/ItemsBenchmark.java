package org.jointworks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.jointworks.tiles.mvt.TileCoord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * On 100,000 communities in the embedded store: (c) walking
 * {@code /ogcapi/collections/communities/items?limit=1000} by its {@code next} links over HTTP
 * against the same keyset SQL (page + count) run directly, and (b) one cached tile under
 * {@code wrk} with 16 connections when wrk is installed. Results to target/items-benchmark.md.
 * Run: {@code ./mvnw -Pbench test -Dtest=ItemsBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ItemsBenchmark {
  static final int COMMUNITIES = Integer.getInteger("bench.communities", 100_000);

  @LocalServerPort
  int port;
  @Autowired
  NamedParameterJdbcTemplate jdbc;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void walkItemsAndLoadACachedTile() throws Exception {
    ImportBenchmark.importGrid(port, COMMUNITIES);
    Http admin = Http.anonymous(port).as("admin");
    Http anonymous = Http.anonymous(port);
    StringBuilder report = new StringBuilder();
    for (int round = 0; round < 2; round++) { // the first round warms the JIT and caches
      List<Double> pages = new ArrayList<>();
      String next = "/ogcapi/collections/communities/items?limit=1000";
      long walked = 0;
      long t0 = System.nanoTime();
      while (next != null) {
        long s = System.nanoTime();
        Http.Response r = anonymous.get(next);
        pages.add((System.nanoTime() - s) / 1e6); // the answer in full, before we parse it
        JsonNode page = r.json();
        walked += page.at("/numberReturned").asLong();
        next = null;
        for (JsonNode l : page.at("/links")) {
          if (l.at("/rel").asString().equals("next")) {
            String href = l.at("/href").asString();
            next = href.substring(href.indexOf("/ogcapi"));
          }
        }
      }
      double walkS = (System.nanoTime() - t0) / 1e9;
      assertThat(walked).isEqualTo(COMMUNITIES);
      List<Double> direct = new ArrayList<>();
      long after = 0;
      while (true) {
        long s = System.nanoTime();
        List<Long> ids = jdbc.queryForList("SELECT id, version, ST_AsBinary(geom) AS wkb, name,"
            + " district, households, buildings, floor_area_m2, build_year FROM communities"
            + " WHERE id > :after ORDER BY id LIMIT 1001", Map.of("after", after)).stream()
            .map(r -> ((Number) r.get("ID")).longValue()).toList();
        jdbc.queryForObject("SELECT COUNT(*) FROM communities", Map.of(), Long.class);
        direct.add((System.nanoTime() - s) / 1e6);
        if (ids.size() <= 1000) {
          break;
        }
        after = ids.get(999);
      }
      if (round == 1) {
        report.append(String.format(Locale.ROOT, "communities: %d%n%n| walk | pages | p50 ms |"
            + " p95 ms | max ms | total s |%n|---|---|---|---|---|---|%n"
            + "| HTTP items?limit=1000 by next | %d | %.1f | %.1f | %.1f | %.1f |%n"
            + "| same SQL direct (JDBC, no JSON) | %d | %.1f | %.1f | %.1f | - |%n",
            COMMUNITIES, pages.size(), pct(pages, 50), pct(pages, 95), pct(pages, 100), walkS,
            direct.size(), pct(direct, 50), pct(direct, 95), pct(direct, 100)));
      }
    }
    double[] c = touched(COMMUNITIES);
    double[] m = Crs.transform(4490, 3857, c[0], c[1]);
    TileCoord t = TileCoord.containing(14, m[0], m[1]);
    String tile = "http://127.0.0.1:" + port + "/ogcapi/tiles/WebMercatorQuad/" + t.z() + "/"
        + t.y() + "/" + t.x();
    long s = System.nanoTime();
    int bytes = anonymous.sendBytes(anonymous.builder(tile.substring(tile.indexOf("/ogcapi")))
        .GET()).body().length;
    report.append(String.format(Locale.ROOT, "%nfirst (uncached) all-layers tile %s: %.1f ms,"
        + " %d bytes (includes building the 100k snapshot)%n", t, (System.nanoTime() - s) / 1e6,
        bytes));
    report.append(afterEdits(admin, anonymous, tile.substring(tile.indexOf("/ogcapi")), c));
    report.append(wrk(tile));
    System.out.println(report);
    Files.writeString(Path.of("target/items-benchmark.md"), report);
  }

  /**
   * What an edit costs the next tile requests: a community in the tile is changed through Part 4,
   * then the touched tile (rebuilt from the incrementally updated snapshot) and a distant tile
   * (kept, same ETag) are fetched; 20 rounds.
   */
  private String afterEdits(Http admin, Http anonymous, String touchedTile, double[] c)
      throws Exception {
    double[] m = Crs.transform(4490, 3857, 113.5, 34.9);
    TileCoord far = TileCoord.containing(14, m[0], m[1]);
    String farTile = "/ogcapi/tiles/WebMercatorQuad/14/" + far.y() + "/" + far.x();
    String farEtag = anonymous.sendBytes(anonymous.builder(farTile).GET()).headers()
        .firstValue("ETag").orElseThrow();
    long id = anonymous.get(String.format(Locale.ROOT, "/ogcapi/collections/communities/items"
        + "?limit=1&bbox=%.4f,%.4f,%.4f,%.4f", c[0] - 1e-4, c[1] - 1e-4, c[0] + 1e-4,
        c[1] + 1e-4)).json().at("/features/0/id").asLong();
    assertThat(id).as("a community in the touched tile").isPositive();
    String item = "/ogcapi/collections/communities/items/" + id;
    List<Double> edits = new ArrayList<>();
    List<Double> touched = new ArrayList<>();
    List<Double> kept = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      long s = System.nanoTime();
      HttpRequest.Builder patch = admin.builder(item)
          .header("Content-Type", "application/merge-patch+json")
          .header("If-Match", anonymous.get(item).header("ETag"))
          .method("PATCH", HttpRequest.BodyPublishers.ofString(
              "{\"properties\":{\"households\":" + (500 + round) + "}}"));
      assertThat(admin.send(patch).status()).isEqualTo(200);
      edits.add((System.nanoTime() - s) / 1e6);
      s = System.nanoTime();
      assertThat(anonymous.sendBytes(anonymous.builder(touchedTile).GET()).statusCode())
          .isEqualTo(200);
      touched.add((System.nanoTime() - s) / 1e6);
      s = System.nanoTime();
      assertThat(anonymous.sendBytes(anonymous.builder(farTile).GET()).headers()
          .firstValue("ETag")).hasValue(farEtag);
      kept.add((System.nanoTime() - s) / 1e6);
    }
    return String.format(Locale.ROOT, "%nAfter an edit through Part 4 (20 rounds, ms):%n%n"
        + "| request | p50 | max |%n|---|---|---|%n| the PATCH (read + write) | %.1f | %.1f |%n"
        + "| next request of the touched tile (rebuilt) | %.1f | %.1f |%n"
        + "| next request of a distant tile (kept, same ETag) | %.2f | %.2f |%n",
        pct(edits, 50), pct(edits, 100), pct(touched, 50), pct(touched, 100), pct(kept, 50),
        pct(kept, 100));
  }

  /**
   * The centre of the grid's community nearest (113.7, 35.1), inside the grid of {@code n}
   * (ImportBenchmark.writeGrid): the touched tile and its edited community. A fixed point lay
   * outside smaller grids, which left the edit nothing to edit.
   */
  static double[] touched(int n) {
    int side = (int) Math.ceil(Math.sqrt(n));
    int col = (int) Math.min(side - 1, Math.round((113.7 - 113.5) / 0.0016));
    int row = (int) Math.min(Math.min(side - 1, (n - 1 - col) / side),
        Math.round((35.1 - 34.9) / 0.0014));
    return new double[] {113.5 + col * 0.0016, 34.9 + row * 0.0014};
  }

  /**
   * wrk on one URL: a 20-second run to let the JIT compile the path (discarded), then three
   * 15-second runs, each reported in full.
   */
  static String wrk(String url) throws IOException, InterruptedException {
    StringBuilder out = new StringBuilder();
    for (int run = 0; run <= 3; run++) {
      Process p;
      try {
        p = new ProcessBuilder("wrk", "-t2", "-c16", run == 0 ? "-d20s" : "-d15s", "--latency",
            url).redirectErrorStream(true).start();
      } catch (IOException e) {
        return "\nwrk is not installed; cached-tile load not measured\n";
      }
      String said = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      if (run > 0) {
        out.append("\nwrk -t2 -c16 -d15s --latency (cached tile), run ").append(run)
            .append(":\n```\n").append(said).append("```\n");
      }
    }
    return out.toString();
  }

  static double pct(List<Double> v, int p) {
    double[] s = v.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    return s[Math.max(0, Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1))];
  }
}
