package org.jointworks.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Import throughput alone (issue 15 item 2), the same bodies as {@link FirstAnswerBenchmark}
 * without its analyses: {@code bench.communities} GridCity communities in one body, then
 * {@code bench.works} street works in bodies of 50,000, over HTTP into the embedded store. The
 * bodies are generated outside the clock. Run: {@code ./mvnw -o -Pbench test
 * -Dtest=ImportThroughputBenchmark -Dbench.communities=100000 -Dbench.works=200000}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportThroughputBenchmark {
  private static final int CHUNK = 50_000;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void importsCommunitiesThenWorks() throws Exception {
    int n = Integer.getInteger("bench.communities", 100_000);
    int m = Integer.getInteger("bench.works", 200_000);
    Http admin = Http.anonymous(port).as("admin");
    String communities = GridCity.geoJson(GridCity.communities(n, 42));
    long t0 = System.nanoTime();
    post(admin, "communities", communities);
    double importC = (System.nanoTime() - t0) / 1e9;
    communities = null;
    StreetGridWorks generator = new StreetGridWorks(42, m);
    double importW = 0;
    StringBuilder each = new StringBuilder();
    for (int from = 0; from < m; from += CHUNK) {
      String chunk = FirstAnswerBenchmark.worksJson(
          generator.generate(Math.min(CHUNK, m - from), from + 1));
      long t1 = System.nanoTime();
      post(admin, "works", chunk);
      double s = (System.nanoTime() - t1) / 1e9;
      importW += s;
      each.append(String.format(Locale.ROOT, " %.2f", s));
    }
    System.out.printf(Locale.ROOT, "%n| import | seconds | rows/s |%n|---|---|---|%n"
        + "| %d communities, one body | %.2f | %.0f |%n"
        + "| %d works, bodies of %d | %.2f | %.0f |%nbodies:%s%nload average at the end: %.2f%n%n",
        n, importC, n / importC, m, CHUNK, importW, m / importW, each,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void post(Http admin, String layer, String body) {
    Http.Response r = admin.post("/api/import/" + layer, body);
    if (r.status() != 200) {
      throw new IllegalStateException(r.body().substring(0, Math.min(400, r.body().length())));
    }
  }
}
