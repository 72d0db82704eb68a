package org.jointworks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.util.Locale;
import org.jointworks.support.Http;
import org.jointworks.support.SessionClient;
import org.jointworks.support.Stores;
import org.jointworks.system.WarmUps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Imports 100,000 communities through {@code POST /api/import/communities} into the embedded
 * store and exports them again, timing both over real HTTP, with the CPU each side took
 * ({@link CpuUse}). Run: {@code ./mvnw -Pbench test -Dtest='ImportBenchmark*'} (PostGIS too when
 * {@code JOINTWORKS_TEST_POSTGIS_URL} is set); {@code -Dbench.imports=2} imports the file twice.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBenchmark {

  static final int COMMUNITIES = Integer.getInteger("bench.communities", 100_000);

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  /**
   * Imports the file {@code bench.imports} times (1 unless told), each timed, the first on the
   * fresh service as a first import is; later ones show the same import with the JIT warm.
   */
  @Test
  void importsAndExports100kCommunities() throws Exception {
    Path file = Files.createTempFile("communities", ".geojson");
    writeGrid(file, COMMUNITIES);
    long bytes = Files.size(file);
    // Signed in once, as the map's users are: Basic auth would hash the password in the import.
    SessionClient admin = new SessionClient(port);
    assertThat(admin.signIn("admin", "demo").status()).isEqualTo(200);
    if (Boolean.getBoolean("bench.browse")) {
      // With -Dbench.browse=true the client first asks what the map asks once signed in, so the
      // import is not the JVM's first authenticated request (its session read back from the
      // store, Spring MVC's binders, method handles spun: 441 classes loaded and about 0.35 s
      // of C2 inside a first import otherwise, decision 116).
      assertThat(admin.get("/api/map/config").status()).isEqualTo(200);
      assertThat(admin.get("/api/districts").status()).isEqualTo(200);
    }
    int imports = Integer.getInteger("bench.imports", 1);
    System.out.printf(Locale.ROOT, "%n| store | import | communities | body MB"
        + " | import s (HTTP exchange) | features/s | the store's own load of the rows (COPY, then indexes) | ratio"
        + " | GDAL's ogr2ogr of the same file | ratio |%n|---|---|---|---|---|---|---|---|---|---|%n");
    for (int k = 1; k <= imports; k++) {
      beforeImport(k);
      quietJit();
      CpuUse before = CpuUse.now();
      long startedAt = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
      CurlPost.Timed timed = CurlPost.timed(admin, port, "/api/import/communities", file);
      Http.Response r = timed.response();
      // The HTTP exchange (curl's own clock): the reference load's rows are in memory too.
      double importSeconds = timed.exchangeSeconds();
      // The JVM's uptime, to find the import in a JIT log (-XX:+LogCompilation) or a recording.
      String cpu = CpuUse.now().since(before, 6) + String.format(Locale.ROOT,
          "; %s; JVM uptime %.2f–%.2f s", CurlPost.withClient(timed.wallSeconds()),
          startedAt / 1e3,
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
      assertThat(r.status()).as(r.body().substring(0, Math.min(500, r.body().length())))
          .isEqualTo(200);
      assertThat(r.json().get("imported").asInt()).isEqualTo(COMMUNITIES);
      double[] reference = referenceLoadSeconds(file);
      System.out.printf(Locale.ROOT, "| %s | %d of %d | %d | %.1f | %.2f | %.0f | %s | %s | %s"
          + " | %s |%n%s%n",
          getClass().getSimpleName().startsWith("Postgis") ? "PostGIS" : "H2GIS", k, imports,
          COMMUNITIES, bytes / 1e6, importSeconds, COMMUNITIES / importSeconds,
          seconds(reference[0]), ratio(importSeconds, reference[0]), seconds(reference[1]),
          ratio(importSeconds, reference[1]), cpu);
    }
    long t1 = System.nanoTime();
    Http.Response export = admin.send(admin.builder("/api/export/communities").GET());
    double exportSeconds = (System.nanoTime() - t1) / 1e9;
    assertThat(export.status()).isEqualTo(200);
    System.out.printf(Locale.ROOT, "export of %d communities: %.1f s%n", imports * COMMUNITIES,
        exportSeconds);
    Files.delete(file);
  }

  /**
   * Waits (at most 20 s) until the JIT's compilers have used at most 20 ms in half a second: the
   * file was written in this JVM, and the compiles that queued are the client's, not the
   * service's. Read from the service's own clock ({@code WarmUps.compileMillis}: the compiler
   * threads' CPU time on Linux, which moves while C2 spends a second on one method; decision 108).
   */
  static void quietJit() throws InterruptedException {
    long last = WarmUps.compileMillis();
    for (int i = 0; i < 40 && last >= 0; i++) {
      Thread.sleep(500);
      long now = WarmUps.compileMillis();
      if (now - last <= 20) {
        return;
      }
      last = now;
    }
  }

  /**
   * Waits (at most 20 s) until this JVM — the service and everything it does in the background
   * after an import (the JIT, the snapshot prepared from the hand-over, the collector) — has used
   * at most 25 ms of CPU in a quarter of a second.
   */
  static void quietService() throws InterruptedException {
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long last = os.getProcessCpuTime();
    for (int i = 0; i < 80 && last >= 0; i++) {
      Thread.sleep(250);
      long now = os.getProcessCpuTime();
      if (now - last <= 25_000_000L) {
        return;
      }
      last = now;
    }
  }

  /** Called before import {@code k} (from 1); the embedded store's benchmark does nothing. */
  void beforeImport(int k) throws Exception {}

  /**
   * The store's own loads of the same data, when it has any to compare with: its bulk load of
   * the imported rows, and a standard loader's of the same file (NaN where there is none).
   */
  double[] referenceLoadSeconds(Path file) throws Exception {
    return new double[] {Double.NaN, Double.NaN};
  }

  private static String seconds(double s) {
    return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, "%.2f s", s);
  }

  private static String ratio(double ours, double theirs) {
    return Double.isNaN(theirs) ? "–" : String.format(Locale.ROOT, "%.2f×", ours / theirs);
  }

  /**
   * Imports a grid of {@code n} communities ({@link #writeGrid}) over HTTP as the admin, through
   * a temporary file: the set-up of the benchmarks that measure a large city's reads.
   */
  static void importGrid(int port, int n) throws Exception {
    Path file = Files.createTempFile("communities", ".geojson");
    writeGrid(file, n);
    Http admin = Http.anonymous(port).as("admin");
    assertThat(admin.send(admin.builder("/api/import/communities")
        .header("Content-Type", "application/geo+json")
        .POST(HttpRequest.BodyPublishers.ofFile(file))).status()).isEqualTo(200);
    Files.delete(file);
  }

  /** A grid of 12-vertex communities around Xinxiang, about 150 m apart. */
  static void writeGrid(Path file, int n) throws Exception {
    int side = (int) Math.ceil(Math.sqrt(n));
    String[] districts = {"weibin", "hongqi", "muye", "fengquan", "gaoxin"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      for (int i = 0; i < n; i++) {
        double lon = 113.5 + (i % side) * 0.0016;
        double lat = 34.9 + (i / side) * 0.0014;
        StringBuilder ring = new StringBuilder();
        for (int k = 0; k <= 12; k++) {
          double a = 2 * Math.PI * (k % 12) / 12;
          ring.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]",
              lon + 0.0006 * Math.cos(a), lat + 0.0005 * Math.sin(a)));
        }
        w.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"geometry\":{\"type\":"
            + "\"Polygon\",\"coordinates\":[[%s]]},\"properties\":{\"name\":\"基准小区%d\","
            + "\"district\":\"%s\",\"households\":%d,\"buildings\":%d,\"floor_area_m2\":%d,"
            + "\"build_year\":%d}}\n", i == 0 ? "" : ",", ring, i, districts[i % 5],
            50 + i % 300, 1 + i % 12, 3000 + i % 40000, 1980 + i % 20));
      }
      w.write("]}\n");
    }
  }
}
