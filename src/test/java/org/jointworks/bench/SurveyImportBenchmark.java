package org.jointworks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Previews and imports a survey workbook of 20,000 pipe points and 19,900 pipelines (100 chains
 * of 200 points) through {@code POST /api/surveys/preview} and {@code /import} over real HTTP, as
 * docs/surveys.md reports. Run: {@code ./mvnw -o -Pbench test -Dtest='SurveyImportBenchmark*'}
 * (PostGIS too when {@code JOINTWORKS_TEST_POSTGIS_URL} is set); add
 * {@code -Djointworks.argLine="-Xmx3g -XX:StartFlightRecording=filename=/tmp/survey.jfr"} to
 * profile. Sizes: {@code -Dbench.surveyChains}, {@code -Dbench.surveyChainPoints}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyImportBenchmark {
  static final int CHAINS = Integer.getInteger("bench.surveyChains", 100);
  static final int CHAIN_POINTS = Integer.getInteger("bench.surveyChainPoints", 200);

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void previewsAndImportsTwentyThousandPoints() throws Exception {
    Path book = Files.createTempFile("survey-bench", ".xlsx");
    write(book);
    Http admin = Http.anonymous(port).as("admin");
    double preview = post(admin, "/api/surveys/preview?owner=gas", book);
    double imported = post(admin, "/api/surveys/import?owner=gas", book);
    int points = CHAINS * CHAIN_POINTS;
    int lines = CHAINS * (CHAIN_POINTS - 1);
    System.out.printf(Locale.ROOT, "%n| store | points | lines | xlsx MB | preview s | import s |%n"
        + "|---|---|---|---|---|---|%n| %s | %d | %d | %.1f | %.1f | %.1f |%n",
        getClass().getSimpleName().startsWith("Postgis") ? "PostGIS" : "H2GIS", points, lines,
        Files.size(book) / 1e6, preview, imported);
    Files.delete(book);
  }

  private static double post(Http http, String path, Path book) throws Exception {
    long t0 = System.nanoTime();
    Http.Response r = http.send(http.builder(path)
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofFile(book)));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(r.status()).as(r.body().substring(0, Math.min(800, r.body().length())))
        .isEqualTo(200);
    return seconds;
  }

  /** 管点表 and 管线表: chains of points 2 m apart along the northing, a line between neighbours. */
  static void write(Path file) throws Exception {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
      Sheet points = wb.createSheet("管点表");
      row(points, 0, "物探点号", "特征", "附属物", "X", "Y", "地面高程", "埋深", "管线类别", "权属单位");
      Sheet lines = wb.createSheet("管线表");
      row(lines, 0, "起点号", "终点号", "材质", "管径", "起点埋深", "终点埋深", "埋设方式");
      int p = 1;
      int l = 1;
      for (int c = 0; c < CHAINS; c++) {
        for (int i = 0; i < CHAIN_POINTS; i++) {
          String no = "RQ" + c + "-" + i;
          row(points, p++, no, i == 0 ? "起点" : "直线点", i % 10 == 0 ? "阀门" : "",
              String.format(Locale.ROOT, "%.3f", 3909000.0 + i * 2.0),
              String.format(Locale.ROOT, "%.3f", 486000.0 + c * 20.0), "72.4", "1.2", "燃气",
              "gas");
          if (i > 0) {
            row(lines, l++, "RQ" + c + "-" + (i - 1), no, "PE", "200", "1.2", "1.25", "直埋");
          }
        }
      }
      wb.write(out);
      wb.dispose();
    }
  }

  private static void row(Sheet s, int at, String... cells) {
    Row r = s.createRow(at);
    for (int i = 0; i < cells.length; i++) {
      r.createCell(i).setCellValue(cells[i]);
    }
  }
}
