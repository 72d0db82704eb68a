package org.jointworks.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointworks.geo.Crs;
import org.jointworks.system.ApiException;
import org.junit.jupiter.api.Test;

/**
 * Survey tables as a surveyor delivers them: a real {@code .xlsx} built here with POI, Chinese
 * headers with units, and hostile ones (missing columns, dangling point numbers, a sheet beyond
 * the row limit, a zip bomb). Reader and linker only; no store, no HTTP (not built yet).
 */
class SurveyTablesTest {
  // Near Xinxiang in EPSG:4547 (X northing, Y easting, as CJJ 61 tables give them).
  private static final String[] POINT_HEADERS =
      {"物探点号", "特征", "附属物", "X", "Y", "地面高程(m)", "埋深(m)", "备注"};
  private static final String[][] POINTS = {
      {"JS1", "三通", "阀门", "3909500.10", "486300.20", "72.35", "1.20", ""},
      {"JS2", "直线点", "", "3909500.40", "486350.70", "72.41", "1.25", "x"},
      {"JS3", "", "消防栓", "3909550.00", "486350.90", "72.50", "1.30", ""}};
  private static final String[] LINE_HEADERS =
      {"起点号", "终点号", "材质", "管径(mm)", "起点埋深", "终点埋深", "埋设方式"};
  private static final String[][] LINES = {
      {"JS1", "JS2", "球墨铸铁", "300", "1.20", "1.25", "direct_buried"},
      {"JS2", "JS3", "PE", "200", "1.25", "1.30", "direct_buried"}};

  @Test
  void readsAnXlsxWithChineseHeadersAndLinksLinesToPoints() throws IOException {
    SurveyTable points = SurveyTableReader.read(xlsx(POINT_HEADERS, POINTS), "xlsx");
    SurveyTable lines = SurveyTableReader.read(xlsx(LINE_HEADERS, LINES), "xlsx");

    SurveyColumns.Mapping pm = SurveyColumns.POINTS.map(points.headers());
    assertThat(pm.columns()).containsEntry("point_no", 0).containsEntry("x", 3)
        .containsEntry("ground_elevation_m", 5).containsEntry("depth_m", 6);
    assertThat(pm.unmatched()).containsExactly("备注");
    assertThat(pm.missing()).isEmpty();
    assertThat(points.rowNumbers()).containsExactly(2, 3, 4);

    SurveyLinker.Linked linked = SurveyLinker.link(points, lines, Crs.GK_114E);
    assertThat(linked.errors()).isEmpty();
    assertThat(linked.points()).hasSize(3);
    assertThat(linked.points().get(0).attributes()).containsEntry("appurtenance", "阀门")
        .containsEntry("ground_elevation_m", 72.35);
    // Y is the easting: 486300 lies west of the 114°E meridian (500,000 m false easting).
    assertThat(linked.points().get(0).lon()).isBetween(113.8, 114.0);
    assertThat(linked.points().get(0).lat()).isBetween(35.2, 35.4);
    assertThat(linked.lines()).extracting(SurveyLinker.Line::endPoint)
        .containsExactly("JS2", "JS3");
    assertThat(linked.lines().get(0).attributes()).containsEntry("diameter_mm", 300.0)
        .containsEntry("depth_end_m", 1.25).containsEntry("laying", "direct_buried");
  }

  @Test
  void danglingPointNumbersAndBadCellsAreListedPerRowAndNothingIsLinked() throws IOException {
    String[][] lines = {
        {"JS1", "JS9", "PE", "200", "1.2", "1.3", ""},
        {"JS2", "JS2", "PE", "abc", "1.2", "1.3", ""}};
    SurveyLinker.Linked linked = SurveyLinker.link(
        SurveyTableReader.read(xlsx(POINT_HEADERS, POINTS), "xlsx"),
        SurveyTableReader.read(xlsx(LINE_HEADERS, lines), "xlsx"), Crs.GK_114E);

    assertThat(linked.ok()).isFalse();
    assertThat(linked.points()).isEmpty();
    assertThat(linked.lines()).isEmpty();
    assertThat(linked.errors()).containsExactlyInAnyOrder(
        new SurveyLinker.RowError("lines", 2, "end_point", "survey.point_unknown"),
        new SurveyLinker.RowError("lines", 3, "diameter_mm", "survey.cell_not_a_number"),
        new SurveyLinker.RowError("lines", 3, "end_point", "survey.line_degenerate"));
  }

  @Test
  void missingRequiredColumnsAreNamedBeforeAnyRowIsRead() throws IOException {
    String[] headers = {"物探点号", "特征", "地面高程"};
    SurveyLinker.Linked linked = SurveyLinker.link(
        SurveyTableReader.read(xlsx(headers, new String[][] {{"A", "", "1"}}), "xlsx"),
        SurveyTableReader.read(xlsx(new String[] {"起点号", "材质"}, new String[0][]), "xlsx"),
        Crs.GK_114E);
    assertThat(linked.errors()).extracting(SurveyLinker.RowError::field)
        .containsExactlyInAnyOrder("x", "y", "end_point");
    assertThat(linked.errors()).allMatch(e -> e.code().equals("survey.column_missing"));
  }

  @Test
  void aSheetBeyondTheRowLimitIsRefusedWithACode() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      Sheet s = book.createSheet();
      s.createRow(0).createCell(0).setCellValue("物探点号");
      for (int i = 1; i <= SurveyTableReader.MAX_ROWS + 1; i++) {
        s.createRow(i).createCell(0).setCellValue("P" + i);
      }
      book.write(out);
    }
    assertThatThrownBy(() -> SurveyTableReader.read(
        new ByteArrayInputStream(out.toByteArray()), "xlsx"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("limit.survey_rows"));
  }

  @Test
  void aWorkbookHidingAZipBombIsRefusedWithACode() throws IOException {
    byte[] sound = xlsx(POINT_HEADERS, POINTS).readAllBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(sound));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("docProps/padding.xml"));
      zip.write(new byte[8 * 1024 * 1024]);
      zip.closeEntry();
    }
    assertThatThrownBy(() -> SurveyTableReader.read(
        new ByteArrayInputStream(out.toByteArray()), "xlsx"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("limit.zip_bytes"));
  }

  @Test
  void notAWorkbookAndQuotedCsvCells() throws IOException {
    assertThatThrownBy(() -> SurveyTableReader.read(
        new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), "xlsx"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("survey.unreadable"));
    SurveyTable t = SurveyTableReader.read(new ByteArrayInputStream(
        "\uFEFF起点号,终点号,材质\n\nJS1,JS2,\"PE, \"\"100\"\"\"\n".getBytes(StandardCharsets.UTF_8)),
        "csv");
    assertThat(t.headers()).containsExactly("起点号", "终点号", "材质");
    assertThat(t.rows()).containsExactly(List.of("JS1", "JS2", "PE, \"100\""));
    assertThat(t.rowNumbers()).containsExactly(3);
  }

  private static ByteArrayInputStream xlsx(String[] headers, String[][] rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook book = new XSSFWorkbook()) {
      Sheet s = book.createSheet("管点表");
      Row h = s.createRow(0);
      for (int c = 0; c < headers.length; c++) {
        h.createCell(c).setCellValue(headers[c]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = s.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          if (!rows[r][c].isEmpty()) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      book.write(out);
    }
    return new ByteArrayInputStream(out.toByteArray());
  }
}
