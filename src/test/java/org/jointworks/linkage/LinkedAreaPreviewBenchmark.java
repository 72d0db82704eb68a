package org.jointworks.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jointworks.bench.GridCity;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /api/linked-areas/preview} over a city of 100,000 communities in the embedded
 * store: the service call (validation, city extent, overlap query, report), the full HTTP round
 * trip in a signed-in session (as the map page calls it) and with Basic authentication, each the
 * median of 200 drawn areas after 100 warm-ups. {@code -Dbench.preview.size=} changes the size.
 * Run: {@code ./mvnw -o -Pbench test -Dtest=LinkedAreaPreviewBenchmark}; writes
 * {@code target/bench/preview.md}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkedAreaPreviewBenchmark {
  private static final int N = Integer.getInteger("bench.preview.size", 100_000);
  private static final int CALLS = 200;
  private static final int WARM_UPS = 100;

  @LocalServerPort
  int port;
  @Autowired
  LinkedAreaService service;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void previewOverAHundredThousandCommunities() throws IOException {
    Http admin = Http.anonymous(port).as("admin");
    Http planner = Http.anonymous(port).as("planner");
    Http.Response imported = admin.post("/api/import/communities",
        GridCity.geoJson(GridCity.communities(N, 42)));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    // The first call builds the communities' snapshot; that is not the preview's cost.
    assertThat(planner.post("/api/linked-areas/preview", drawn(new SplittableRandom(1))).status())
        .isEqualTo(200);

    var user = new org.jointworks.system.JointWorksUser("planner", "", true,
        org.jointworks.system.Role.PLANNER, null);
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SplittableRandom random = new SplittableRandom(7);
    long[] service = new long[CALLS];
    int members = 0;
    for (int k = 0; k < CALLS + WARM_UPS; k++) {
      var draft = LinkedAreaJson.draft(Http.JSON.readTree(drawn(random)));
      long t0 = System.nanoTime();
      members += service(draft);
      if (k >= WARM_UPS) {
        service[k - WARM_UPS] = System.nanoTime() - t0;
      }
    }
    SecurityContextHolder.clearContext();
    assertThat(members).isPositive();

    long[] http = new long[CALLS];
    for (int k = 0; k < CALLS + WARM_UPS; k++) {
      String body = drawn(random);
      long t0 = System.nanoTime();
      Http.Response r = planner.post("/api/linked-areas/preview", body);
      if (k >= WARM_UPS) {
        http[k - WARM_UPS] = System.nanoTime() - t0;
      }
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    long[] session = new long[CALLS];
    Session map = Session.signIn(port, "planner");
    for (int k = 0; k < CALLS + WARM_UPS; k++) {
      String body = drawn(random);
      long t0 = System.nanoTime();
      int status = map.post("/api/linked-areas/preview", body);
      if (k >= WARM_UPS) {
        session[k - WARM_UPS] = System.nanoTime() - t0;
      }
      assertThat(status).isEqualTo(200);
    }
    String out = String.format(Locale.ROOT, """
        | communities | service call, median (ms) | service call, p90 (ms) | HTTP, session cookie as the map page, median (ms) | HTTP with Basic auth, median (ms) | load average |
        |---|---|---|---|---|---|
        | %,d | %.2f | %.2f | %.2f | %.2f | %.1f |
        """, N, percentile(service, 50), percentile(service, 90), percentile(session, 50),
        percentile(http, 50),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    System.out.println(out);
    Path file = Path.of("target/bench/preview.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
  }

  /**
   * A signed-in browser session: form login, then the session cookie and the XSRF-TOKEN cookie
   * sent back as X-XSRF-TOKEN, as web/js/api.js does. Basic auth checks the password hash on
   * every request (hundreds of ms by design); the map page pays that once.
   */
  record Session(java.net.http.HttpClient client, java.net.CookieManager cookies, String base) {
    static Session signIn(int port, String user) {
      var cookies = new java.net.CookieManager();
      var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
      Session s = new Session(client, cookies, "http://127.0.0.1:" + port);
      s.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base + "/api/me")).GET());
      // The SPA token handler takes the raw cookie value from the header (a form field would
      // have to be the masked token).
      String form = "username=" + user + "&password=demo";
      s.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", s.xsrf())
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
      int me = s.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base + "/api/me"))
          .GET());
      assertThat(me).as("signed in by form").isEqualTo(200);
      return s;
    }

    String xsrf() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue)
          .findFirst().orElse("");
    }

    int post(String path, String json) {
      return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    int send(java.net.http.HttpRequest.Builder b) {
      try {
        return client.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
            .statusCode();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private int service(LinkedAreaService.Draft draft) {
    return service.preview(draft, 500).members().size();
  }

  /** A 6-vertex area of about 600 m x 450 m somewhere in the grid city, as GeoJSON. */
  private static String drawn(SplittableRandom random) {
    int cols = (int) Math.ceil(Math.sqrt(N));
    double span = cols * 120 - 800;
    double x = 470_000 + random.nextDouble() * span;
    double y = 3_895_000 + random.nextDouble() * span;
    double[][] metric = {{x, y}, {x + 400, y - 30}, {x + 600, y + 150}, {x + 550, y + 450},
        {x + 100, y + 420}, {x - 20, y + 200}, {x, y}};
    StringBuilder sb = new StringBuilder("{\"type\":\"Feature\",\"properties\":{\"name\":\"草图\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i < metric.length; i++) {
      double[] ll = org.jointworks.geo.Crs.transform(4547, 4490, metric[i][0], metric[i][1]);
      sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "[%.9f,%.9f]", ll[0], ll[1]));
    }
    return sb.append("]]}}").toString();
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }
}
