package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jointworks.bench.GridCity;
import org.jointworks.geo.Crs;
import org.jointworks.support.Browser;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.Http;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map page over a city of 100,000 communities (GridCity, about 38 km across), drawn from the
 * vector tiles in headless Chromium: the first map (navigation start to the communities' first
 * drawn tiles, cold and warm tile cache), each zoom from 8 to 17 over the city's centre (time to
 * the layer's tiles drawn, distinct communities drawn), and 20 pans of 300 or 200 px at zoom 14 in a square spiral
 * (time to drawn, and the browser's long tasks, which are what a user feels as a stall).
 * {@code -Dbench.map.size=} changes the size. Run: {@code ./mvnw -Pbench test
 * -Dtest=MapTilesBrowserBenchmark}; writes {@code target/bench/map-tiles.md}.
 */
@Tag("benchmark")
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapTilesBrowserBenchmark {
  private static final int N = Integer.getInteger("bench.map.size", 100_000);
  /** The city's centre: GridCity starts at GK 470,000 / 3,895,000 in 120 m cells. */
  private static final double[] CENTRE = Crs.transform(Crs.GK_114E, Crs.LONLAT,
      470_000 + Math.sqrt(N) * GridCityCell.CELL / 2, 3_895_000 + Math.sqrt(N) * GridCityCell.CELL / 2);

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
    registry.add("jointworks.map.center-lon", () -> CENTRE[0]);
    registry.add("jointworks.map.center-lat", () -> CENTRE[1]);
    registry.add("jointworks.map.zoom", () -> 10);
  }

  @Test
  void aHundredThousandCommunitiesFromTheTiles() throws IOException {
    Http.Response imported = Http.anonymous(port).as("admin").post("/api/import/communities",
        GridCity.geoJson(GridCity.communities(N, 42)));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    lines.add("| step | ms | communities drawn |");
    lines.add("|---|---:|---:|");
    List<String> breakdown = new ArrayList<>();
    for (String cache : new String[] {"right after the import", "a second visitor"}) {
      Browser browser = new Browser(port, 1280, 800);
      try {
        browser.openMap();
        browser.waitFor("return performance.getEntriesByName('layer:communities').length > 0", 120);
        double first = ((Number) browser.js(
            "return performance.getEntriesByName('layer:communities')[0].startTime")).doubleValue();
        long zoom = (Long) browser.js("return window.jointworks.map.getZoom()");
        lines.add(row("first map, " + cache + " (navigation start to drawn; opens on the"
            + " counties at z" + zoom + ")", first, drawn(browser)));
        breakdown.add("| " + cache + " | " + browser.js(BREAKDOWN) + " |");
        if (cache.startsWith("a second")) {
          zoomsAndPans(browser, lines);
        }
      } finally {
        browser.close();
      }
    }
    lines.add("");
    lines.add("| first map | where the time went (ms from navigation start) |");
    lines.add("|---|---|");
    lines.addAll(breakdown);
    Path out = Path.of("target/bench/map-tiles.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.join("\n", lines) + "\n");
    System.out.println(String.join("\n", lines));
  }

  /**
   * Where a first map's time went, from the browser's own timings: the page's DOMContentLoaded,
   * then per zoom the communities' tile requests (how many, the first sent, the last answered,
   * the longest wait for the service's first byte), and the layer's first drawn mark with the
   * number of symbols (dots and outlines) it drew.
   */
  private static final String BREAKDOWN = "const nav = performance.getEntriesByType('navigation')[0];"
      + " const by = {}; for (const e of performance.getEntriesByType('resource')) {"
      + "  const m = e.name.match(/collections\\/communities\\/tiles\\/WebMercatorQuad\\/(\\d+)\\//);"
      + "  if (!m) continue; const z = by[m[1]] ??= {n: 0, start: 1e9, end: 0, wait: 0};"
      + "  z.n++; z.start = Math.min(z.start, e.startTime); z.end = Math.max(z.end, e.responseEnd);"
      + "  z.wait = Math.max(z.wait, e.responseStart - e.requestStart); }"
      + " const r = Math.round; const mark = n => r(performance.getEntriesByName(n)[0]?.startTime ?? -1);"
      + " return 'page ready (DOMContentLoaded) ' + r(nav.domContentLoadedEventEnd)"
      + " + '; map created ' + mark('map:created') + '; opening view set ' + mark('map:opened')"
      + " + Object.entries(by).map(([z, t]) => `; z${z}: ${t.n} tiles sent ${r(t.start)}, last"
      + " answered ${r(t.end)}, longest server wait ${r(t.wait)}`).join('')"
      + " + '; drawn ' + mark('layer:communities') + ', as '"
      + " + window.jointworks.layers.features('communities').length + ' symbols'";

  private static void zoomsAndPans(Browser browser, List<String> lines) {
    browser.js("const g = window.jointworks.layers.groups.communities; window.__loads = 0;"
        + " g.on('load', () => { window.__loads++; window.__t1 = performance.now(); });"
        + " window.__long = []; new PerformanceObserver(l => l.getEntries().forEach(e =>"
        + " window.__long.push(e.duration))).observe({type: 'longtask'});");
    // First pass: tiles built by the service on demand; second: from its tile cache (304s).
    for (String pass : new String[] {"tiles built", "tiles cached"}) {
      for (int z = 8; z <= 17; z++) {
        double ms = move(browser, String.format(Locale.ROOT,
            "window.jointworks.map.setView([%f, %f], %d, {animate: false})", CENTRE[1], CENTRE[0], z),
            true);
        lines.add(row("zoom " + z + ", " + pass, ms, drawn(browser)));
      }
    }
    browser.js(String.format(Locale.ROOT,
        "window.jointworks.map.setView([%f, %f], 14, {animate: false})", CENTRE[1], CENTRE[0]));
    move(browser, "", true);
    browser.js("window.__long = []");
    double[] pans = new double[20];
    // A square spiral of 300 × 200 px steps (5 per side, about 12 km): stays over the city and
    // keeps bringing new tiles in.
    int[][] directions = {{300, 0}, {0, 200}, {-300, 0}, {0, -200}};
    for (int i = 0; i < pans.length; i++) {
      int[] d = directions[i / 5 % 4];
      pans[i] = move(browser, String.format(Locale.ROOT,
          "window.jointworks.map.panBy([%d, %d], {animate: false})", d[0], d[1]), true);
    }
    java.util.Arrays.sort(pans);
    lines.add(row("pan of 300 or 200 px at z14, median of 20", pans[10], drawn(browser)));
    lines.add(row("pan, slowest of 20", pans[19], drawn(browser)));
    Object longTasks = browser.js("return window.__long.length + ' long tasks, longest '"
        + " + Math.round(Math.max(0, ...window.__long)) + ' ms'");
    lines.add("| long tasks (> 50 ms) during the 20 pans | " + longTasks + " | |");
  }

  /** Runs a move and answers the ms until the communities' tiles in view are drawn. */
  private static double move(Browser browser, String script, boolean waitForTiles) {
    browser.js("window.__before = window.__loads; window.__t0 = performance.now();" + script);
    if (!waitForTiles) {
      return 0;
    }
    browser.waitFor("return window.__loads > window.__before"
        + " || !window.jointworks.layers.groups.communities._loading", 60);
    return ((Number) browser.js("return (window.__loads > window.__before ? window.__t1"
        + " : performance.now()) - window.__t0")).doubleValue();
  }

  /** Communities drawn: outlines, plus those the dots stand for (a dot counts its members). */
  private static long drawn(Browser browser) {
    return (Long) browser.js("return window.jointworks.layers.features('communities')"
        + ".reduce((n, f) => n + (f.properties.dot || 1), 0)");
  }

  private static String row(String step, double ms, long drawn) {
    return String.format(Locale.ROOT, "| %s | %.0f | %,d |", step, ms, drawn);
  }

  /** GridCity's cell, which it keeps package-private. */
  private static final class GridCityCell {
    static final double CELL = 120;
  }
}
