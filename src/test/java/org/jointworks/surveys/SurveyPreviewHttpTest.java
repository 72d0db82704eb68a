package org.jointworks.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The survey preview through HTTP (real port, H2GIS; the preview stores nothing, so the store
 * does not matter): role rules, the mapping of Chinese headers, per-row errors, and refusals as
 * problem+json with a code. A real two-sheet {@code .xlsx} is built here with POI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyPreviewHttpTest {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void onlyUtilitiesAndAdminsPreviewAndTheMappingComesFromChineseHeaders() throws IOException {
    Http anonymous = Http.anonymous(port);
    byte[] book = workbook("JS2");
    assertThat(post(anonymous, "/api/surveys/preview", book).status()).isEqualTo(401);
    assertThat(post(anonymous.as("leader"), "/api/surveys/preview", book).status())
        .isEqualTo(403);

    Http.Response r = post(anonymous.as("water_supply"), "/api/surveys/preview", book);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode p = r.json();
    assertThat(p.at("/crs").asString()).isEqualTo("EPSG:4547");
    assertThat(p.at("/points/mapping/point_no").asInt()).isZero();
    assertThat(p.at("/points/mapping/ground_elevation_m").asInt()).isEqualTo(3);
    assertThat(p.at("/points/unmatched/0").asString()).isEqualTo("备注");
    assertThat(p.at("/lines/mapping/diameter_mm").asInt()).isEqualTo(3);
    assertThat(p.at("/lines/sample/0/0").asString()).isEqualTo("JS1");
    assertThat(p.at("/importable").asBoolean()).isTrue();
    assertThat(p.at("/pointCount").asInt()).isEqualTo(2);
    assertThat(p.at("/lineCount").asInt()).isEqualTo(1);

    assertThat(post(anonymous.as("admin"), "/api/surveys/preview", book).status())
        .isEqualTo(200);
  }

  @Test
  void aDanglingPointNumberIsARowErrorAndHostileBodiesAreProblems() throws IOException {
    Http water = Http.anonymous(port).as("water_supply");
    JsonNode p = post(water, "/api/surveys/preview", workbook("JS9")).json();
    assertThat(p.at("/importable").asBoolean()).isFalse();
    assertThat(p.at("/errors/0/table").asString()).isEqualTo("lines");
    assertThat(p.at("/errors/0/row").asInt()).isEqualTo(2);
    assertThat(p.at("/errors/0/code").asString()).isEqualTo("survey.point_unknown");

    Http.Response junk = post(water, "/api/surveys/preview",
        "not a workbook".getBytes(StandardCharsets.UTF_8));
    assertThat(junk.status()).isEqualTo(400);
    assertThat(junk.json().at("/code").asString()).isEqualTo("survey.unreadable");

    Http.Response lonLat = post(water, "/api/surveys/preview?crs=4490", workbook("JS2"));
    assertThat(lonLat.status()).isEqualTo(400);
    assertThat(lonLat.json().at("/code").asString()).isEqualTo("survey.crs");
  }

  static Http.Response post(Http http, String path, byte[] body) {
    return http.send(http.builder(path).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A 管点表 of two points and a 管线表 of one line from JS1 to {@code end}. */
  static byte[] workbook(String end) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook book = new XSSFWorkbook()) {
      fill(book.createSheet("管点表"), new String[][] {
          {"物探点号", "X", "Y", "地面高程(m)", "埋深(m)", "附属物", "备注"},
          {"JS1", "3909500.1", "486300.2", "72.35", "1.2", "阀门", ""},
          {"JS2", "3909500.4", "486350.7", "72.41", "1.25", "", ""}});
      fill(book.createSheet("管线表"), new String[][] {
          {"起点号", "终点号", "材质", "管径", "起点埋深", "终点埋深"},
          {"JS1", end, "PE", "200", "1.2", "1.25"}});
      book.write(out);
    }
    return out.toByteArray();
  }

  private static void fill(Sheet s, String[][] rows) {
    for (int r = 0; r < rows.length; r++) {
      Row row = s.createRow(r);
      for (int c = 0; c < rows[r].length; c++) {
        if (!rows[r][c].isEmpty()) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
    }
  }
}
