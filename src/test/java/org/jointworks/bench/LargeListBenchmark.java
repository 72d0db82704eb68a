package org.jointworks.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The adjacency list of a generated city through HTTP in each form of issue 15: the whole JSON
 * document, the first and a later cursor page of 1,000, the summary, and NDJSON plain and
 * gzipped; time (median of 5, the list already cached for the revision, so the figures are the
 * answer's cost, not the engine's) and bytes on the wire. Size from
 * {@code -Dbench.communities=20000}.
 *
 * <p>Run: {@code ./mvnw -Pbench test -Dtest=LargeListBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargeListBenchmark {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void adjacencyListForms() {
    int n = Integer.getInteger("bench.communities", 20_000);
    Http admin = Http.anonymous(port).as("admin");
    Http.Response imported = admin.post("/api/import/communities",
        GridCity.geoJson(GridCity.communities(n, 42)));
    if (imported.status() != 200) {
      throw new IllegalStateException(imported.body());
    }
    Http anonymous = Http.anonymous(port);
    String base = "/api/linkage/adjacency?gapMeters=30";
    anonymous.get(base + "&summary=true"); // the engine and the cached list, outside the clock
    String next = anonymous.get(base + "&limit=1000").json().get("next").asString();
    List<String> rows = new ArrayList<>();
    rows.add(row("whole JSON", () -> bytes(anonymous, base, null, null)));
    rows.add(row("first page, limit=1000", () -> bytes(anonymous, base + "&limit=1000", null,
        null)));
    rows.add(row("second page (cursor)", () -> bytes(anonymous,
        base + "&limit=1000&cursor=" + next, null, null)));
    rows.add(row("summary=true", () -> bytes(anonymous, base + "&summary=true", null, null)));
    rows.add(row("NDJSON", () -> bytes(anonymous, base, "application/x-ndjson", null)));
    rows.add(row("NDJSON, gzip", () -> bytes(anonymous, base, "application/x-ndjson", "gzip")));
    rows.add(row("whole JSON, gzip", () -> bytes(anonymous, base, null, "gzip")));
    System.out.println("\n" + n + " communities, "
        + anonymous.get(base + "&summary=true").json().get("count") + " pairs at 30 m");
    System.out.println("| form | median ms | bytes on the wire |\n|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static long bytes(Http http, String path, String accept, String encoding) {
    var b = http.builder(path).GET();
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (encoding != null) {
      b.header("Accept-Encoding", encoding);
    }
    HttpResponse<byte[]> r = http.sendBytes(b);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return r.body().length;
  }

  private static String row(String name, Supplier<Long> call) {
    long size = call.get(); // warm-up
    long[] ms = new long[5];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      size = call.get();
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    return String.format(Locale.ROOT, "| %s | %d | %,d |", name, ms[2], size);
  }
}
