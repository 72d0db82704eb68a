package org.jointworks.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Excel of the map's tables through HTTP on the sample city: the same rows as the JSON the table
 * is drawn from, headers in the asked language, codes as names, and allowed exactly as that JSON
 * (pipelines never to anonymous users).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XlsxExportTest {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  @LocalServerPort
  int port;
  Http anonymous;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
  }

  @Test
  void theOverdueListHasTheRowsTheMapShowsWithChineseOrEnglishHeaders() throws Exception {
    Http leader = anonymous.as("leader");
    JsonNode json = leader.get("/api/progress/overdue?asOf=2023-07-15").json();
    long overdueNow = json.at("/projects").valueStream().filter(p ->
        !List.of("completed", "accepted", "handed_over").contains(p.at("/status").asString())
        && p.at("/milestones").valueStream().anyMatch(m -> m.at("/state").asString()
            .equals("overdue"))).count();
    assertThat(overdueNow).isPositive();
    List<List<String>> zh = sheet(leader, "/api/progress/overdue?asOf=2023-07-15&format=xlsx");
    assertThat(zh.get(0)).containsExactly("名称", "县市区", "状态", "逾期节点", "逾期天数");
    assertThat(zh).hasSize((int) overdueNow + 1);
    assertThat(zh.get(1).get(1)).doesNotContainPattern("[a-z]{3,}"); // a county name, not a code
    assertThat(zh.get(1).get(3)).isNotBlank();
    List<List<String>> en = sheet(leader,
        "/api/progress/overdue?asOf=2023-07-15&format=xlsx&lang=en");
    assertThat(en.get(0)).containsExactly("Name", "County", "Status", "Late milestone",
        "Days late");
    assertThat(anonymous.get("/api/progress/overdue?format=xlsx").status()).isEqualTo(401);
  }

  @Test
  void everyTableOfTheMapExportsTheRowsOfItsJson() throws Exception {
    Http admin = anonymous.as("admin");
    assertThat(sheet(admin, "/api/progress/summary?format=xlsx")).hasSize(
        admin.get("/api/progress/summary").json().at("/districts").size() + 1);
    assertThat(sheet(admin, "/api/progress/evaluation?period=year&asOf=2023-07-15&format=xlsx"))
        .hasSize(admin.get("/api/progress/evaluation?period=year&asOf=2023-07-15").json()
            .at("/counties").size() + 1);
    assertThat(sheet(admin, "/api/projects?format=xlsx"))
        .hasSize(admin.get("/api/projects").json().size() + 1);
    List<List<String>> conflicts = sheet(admin, "/api/works/conflicts?utility=gas&format=xlsx");
    assertThat(conflicts).hasSize(admin.get("/api/works/conflicts?utility=gas").json()
        .at("/conflicts").size() + 1);
    assertThat(conflicts.get(1).get(0)).isIn("同期施工", "保护期内开挖")
        .doesNotContain("_");
    assertThat(sheet(admin, "/api/linked-areas?format=xlsx")).hasSize(
        admin.get("/api/linked-areas").json().at("/features").size() + 1);
    assertThat(sheet(admin, "/api/pipelines/clearance-violations?format=xlsx")).hasSize(
        admin.get("/api/pipelines/clearance-violations").json().at("/violations").size() + 1);
  }

  @Test
  void aLayerTableIsReadAsItsCsvExportPipelinesNeverToAnonymousUsers() throws Exception {
    assertThat(anonymous.get("/api/xlsx/pipelines").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/xlsx/facilities").status()).isEqualTo(401);
    Http gas = anonymous.as("gas");
    List<List<String>> pipelines = sheet(gas, "/api/xlsx/pipelines?lang=en");
    assertThat(pipelines.get(0)).startsWith("ID").contains("Utility");
    assertThat(pipelines.size()).isGreaterThan(10);
    List<List<String>> communities = sheet(anonymous, "/api/xlsx/communities");
    assertThat(communities.get(0)).contains("名称", "县市区", "户数");
    // The anonymous works table holds the public works only, as the anonymous CSV does.
    int publicWorks = anonymous.get("/api/files/csv/works").body().split("\n").length - 1;
    assertThat(sheet(anonymous, "/api/xlsx/works")).hasSize(publicWorks + 1);
  }

  private static List<List<String>> sheet(Http http, String path) throws Exception {
    HttpResponse<byte[]> r = http.sendBytes(http.builder(path).GET());
    assertThat(r.statusCode()).as(path + ": " + new String(r.body())).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo(XLSX);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet s = wb.getSheetAt(0);
      List<List<String>> rows = new ArrayList<>();
      for (Row row : s) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : cell.toString());
        }
        rows.add(cells);
      }
      return rows;
    }
  }
}
