package org.jointworks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Issue 15 item 5 on 100,000 communities in the embedded store: items pages of 100 under
 * {@code wrk -t2 -c32}, each request a different page (a Lua script picks a random {@code after}
 * cursor over the whole id range, so no single cached URL answers), anonymous and signed in (a
 * session cookie, as the map has; not HTTP Basic, whose bcrypt check per request would be the
 * whole cost), the anonymous pages once more through the full chain (a cookie the early answer of
 * decision 96 leaves to it), then the cached all-layers tile under {@code wrk -t2 -c16} as before. Each: a
 * discarded warm-up run, then three runs. wrk and the service share the machine's cores.
 * Results to target/items-pages-benchmark.md. Run:
 * {@code ./mvnw -o -Pbench test -Dtest=ItemsPagesBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ItemsPagesBenchmark {
  static final int COMMUNITIES = Integer.getInteger("bench.communities", 100_000);
  static final String SECONDS = System.getProperty("bench.wrkSeconds", "15");

  @LocalServerPort
  int port;
  @Autowired
  NamedParameterJdbcTemplate jdbc;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void pagesOfAHundredUnderLoad() throws Exception {
    ImportBenchmark.importGrid(port, COMMUNITIES);
    Http admin = Http.anonymous(port).as("admin");
    long lo = jdbc.queryForObject("SELECT MIN(id) FROM communities", Map.of(), Long.class);
    long hi = jdbc.queryForObject("SELECT MAX(id) FROM communities", Map.of(), Long.class);
    String base = "http://127.0.0.1:" + port;
    String cookie = sessionCookie(admin);
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "communities: %d (ids %d–%d); each request `items?limit=100&after=<random id>`%n",
        COMMUNITIES, lo, hi));
    report.append(wrk(base, "-c32", pages(lo, hi, null), "items pages of 100, anonymous"));
    // The same anonymous pages through the whole chain: AnonymousItemsFilter takes no request
    // with a cookie but the CSRF token's, so this is the framework's cost under the same load.
    report.append(wrk(base, "-c32", pages(lo, hi, "jw-bench=chain"),
        "items pages of 100, anonymous through the full chain (a cookie the early path leaves)"));
    report.append(wrk(base, "-c32", pages(lo, hi, cookie), "items pages of 100, signed in"));
    // Once more at the end: the first runs share the cores with the import's aftermath (tile
    // warming, snapshot builds, its garbage), which the later ones do not.
    report.append(wrk(base, "-c32", pages(lo, hi, null), "items pages of 100, anonymous, again"));
    double[] m = Crs.transform(4490, 3857, 113.7, 35.1);
    TileCoord t = TileCoord.containing(14, m[0], m[1]);
    String tile = "/ogcapi/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x();
    Http anonymous = Http.anonymous(port);
    assertThat(anonymous.sendBytes(anonymous.builder(tile).GET()).statusCode()).isEqualTo(200);
    report.append(wrk(base + tile, "-c16", null, "cached tile " + t));
    System.out.println(report);
    Files.writeString(Path.of("target/items-pages-benchmark.md"), report);
  }

  /** The session cookie a sign-in through HTTP Basic leaves (what a browser then sends). */
  private static String sessionCookie(Http admin) {
    Http.Response r = admin.get("/ogcapi/collections/communities/items?limit=1");
    assertThat(r.status()).isEqualTo(200);
    String set = r.header("Set-Cookie");
    assertThat(set).as("a session cookie after signing in").isNotNull();
    return set.substring(0, set.indexOf(';'));
  }

  /** A wrk script asking a random page of 100 each time, with the cookie when given. */
  private static Path pages(long lo, long hi, String cookie) throws IOException {
    Path lua = Files.createTempFile("items-pages", ".lua");
    Files.writeString(lua, (cookie == null ? "" : "wrk.headers[\"Cookie\"] = \"" + cookie
        + "\"\n") + "local lo, hi = " + lo + ", " + hi + "\n"
        + "function init(args) math.randomseed(os.time() + math.random(1000000)) end\n"
        + "request = function()\n"
        + "  return wrk.format(\"GET\", \"/ogcapi/collections/communities/items?limit=100&after=\""
        + " .. math.random(lo - 1, hi))\nend\n"
        + "done = function(summary, latency, requests)\n"
        + "  io.write(string.format(\"non-2xx or errors: %d %d %d %d %d\\n\", summary.errors.connect,"
        + " summary.errors.read, summary.errors.write, summary.errors.status,"
        + " summary.errors.timeout))\nend\n");
    lua.toFile().deleteOnExit();
    return lua;
  }

  /** A discarded 20-second warm-up run, then three runs, each reported in full. */
  private static String wrk(String url, String connections, Path script, String what)
      throws IOException, InterruptedException {
    StringBuilder out = new StringBuilder();
    for (int run = 0; run <= 3; run++) {
      ProcessBuilder pb = script == null
          ? new ProcessBuilder("wrk", "-t2", connections, run == 0 ? "-d20s" : "-d" + SECONDS + "s",
              "--latency", url)
          : new ProcessBuilder("wrk", "-t2", connections, run == 0 ? "-d20s" : "-d" + SECONDS + "s",
              "--latency", "-s", script.toString(), url);
      Process p;
      try {
        p = pb.redirectErrorStream(true).start();
      } catch (IOException e) {
        return "\nwrk is not installed; " + what + " not measured\n";
      }
      String said = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      if (run > 0) {
        out.append("\n").append(what).append(": wrk -t2 ").append(connections).append(" -d")
            .append(SECONDS).append("s --latency, run ").append(run).append(":\n```\n")
            .append(said).append("```\n");
      }
    }
    return out.toString();
  }
}
