package org.jointworks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
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
 * Imports 100,000 communities through {@code POST /api/import/communities} into the embedded
 * store and exports them again, timing both over real HTTP. Run:
 * {@code ./mvnw -Pbench test -Dtest='ImportBenchmark*'} (PostGIS too when
 * {@code JOINTWORKS_TEST_POSTGIS_URL} is set).
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

  @Test
  void importsAndExports100kCommunities() throws Exception {
    Path file = Files.createTempFile("communities", ".geojson");
    writeGrid(file, COMMUNITIES);
    long bytes = Files.size(file);
    Http admin = Http.anonymous(port).as("admin");

    long t0 = System.nanoTime();
    Http.Response r = admin.send(admin.builder("/api/import/communities")
        .header("Content-Type", "application/geo+json")
        .POST(HttpRequest.BodyPublishers.ofFile(file)));
    double importSeconds = (System.nanoTime() - t0) / 1e9;
    assertThat(r.status()).as(r.body().substring(0, Math.min(500, r.body().length())))
        .isEqualTo(200);
    assertThat(r.json().get("imported").asInt()).isEqualTo(COMMUNITIES);

    long t1 = System.nanoTime();
    Http.Response export = admin.get("/api/export/communities");
    double exportSeconds = (System.nanoTime() - t1) / 1e9;
    assertThat(export.status()).isEqualTo(200);

    double[] reference = referenceLoadSeconds(file);
    System.out.printf(Locale.ROOT, "%n| store | communities | body MB | import s | features/s | export s"
        + " | the store's own load of the rows (COPY, then indexes) | ratio | GDAL's ogr2ogr"
        + " of the same file | ratio |%n|---|---|---|---|---|---|---|---|---|---|%n"
        + "| %s | %d | %.1f | %.2f | %.0f | %.1f | %s | %s | %s | %s |%n",
        getClass().getSimpleName().startsWith("Postgis") ? "PostGIS" : "H2GIS", COMMUNITIES,
        bytes / 1e6, importSeconds, COMMUNITIES / importSeconds, exportSeconds,
        seconds(reference[0]), ratio(importSeconds, reference[0]), seconds(reference[1]),
        ratio(importSeconds, reference[1]));
    Files.delete(file);
  }

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
