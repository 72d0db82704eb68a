package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.jointworks.files.UploadsContract;
import org.jointworks.support.Browser;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map's import panel and Excel buttons in headless Chromium on the sample city: a GeoJSON and
 * a Shapefile zip (written by ogr2ogr, its DBF names cut at 10 characters) previewed with their
 * mapping and imported; a bad file's errors listed per feature with nothing stored; a table's
 * Excel download. Takes the import panel's screenshots in Chinese and English.
 */
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapImportTest {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Browser browser;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  private void signIn(String user) {
    browser = new Browser(port, 1280, 800);
    browser.viewport(1280, 800);
    browser.signIn(user);
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 60);
  }

  private void choose(String layer, Path file) {
    browser.js("document.querySelector('#import-panel details').open = true");
    new Select(browser.driver().findElement(By.id("import-layer"))).selectByValue(layer);
    browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
  }

  private long communities(String name) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM communities WHERE name = ?", Long.class, name);
  }

  @Test
  void aPlannerPreviewsAndImportsAGeoJsonAndAShapefileAndSeesABadFilesErrorsWithNothingStored()
      throws Exception {
    signIn("planner");
    // A GeoJSON: previewed (count, no problems), then imported, and the layer drawn again.
    Path geojson = Files.createTempFile("import", ".geojson");
    Files.writeString(geojson, collection(community("导入测试社区", "weibin", 113.85, 35.30, 0.002,
        40)));
    choose("communities", geojson);
    browser.waitFor("return document.querySelector('#import-summary dd[data-key=count]')"
        + "?.textContent === '1'", 30);
    assertThat(browser.text("#import-summary dd[data-key=format]")).isEqualTo("geojson");
    assertThat(browser.js("return document.getElementById('import-run').disabled")).isEqualTo(false);
    browser.driver().findElement(By.id("import-run")).click();
    browser.waitFor("return document.body.dataset.imported === '1'", 30);
    assertThat(browser.text("#import-message")).contains("已导入 1 个要素");
    assertThat(communities("导入测试社区")).isEqualTo(1);

    // A bad file: each feature's problems in Chinese, the import button off, nothing stored.
    Path bad = Files.createTempFile("bad", ".geojson");
    Files.writeString(bad, collection(community("坏社区甲", "nowhere", 113.86, 35.30, 0.002, 10),
        community("坏社区乙", "weibin", 113.87, 35.30, 0.002, -3)));
    choose("communities", bad);
    browser.waitFor("return document.querySelectorAll('#import-error-list li').length === 2", 30);
    List<String> errors = browser.driver().findElements(By.cssSelector("#import-error-list li"))
        .stream().map(e -> e.getText()).toList();
    assertThat(errors.get(0)).contains("第 1 个要素").contains("县市区代码不存在");
    assertThat(errors.get(1)).contains("第 2 个要素").contains("户数").contains("数值超出范围");
    assertThat(browser.js("return document.getElementById('import-run').disabled")).isEqualTo(true);
    assertThat(communities("坏社区甲") + communities("坏社区乙")).isZero();

    // A Shapefile written by ogr2ogr: floor_area is mapped to floor_area_m2 by itself.
    ExternalTools.assume(ExternalTools.OGR2OGR);
    Path zip = Files.createTempFile("communities", ".zip");
    Files.write(zip, UploadsContract.ogrShapefile(collection(community("奥格导入社区", "weibin",
        113.88, 35.30, 0.002, 55))));
    choose("communities", zip);
    browser.waitFor("return !!document.querySelector('#import-mapping-table select[data-column="
        + "floor_area]')", 30);
    assertThat(browser.text("#import-summary dd[data-key=format]")).isEqualTo("shapefile");
    assertThat(browser.text("#import-summary dd[data-key=encoding]")).startsWith("UTF-8");
    assertThat(browser.js("return document.querySelector('select[data-column=floor_area]').value"))
        .isEqualTo("floor_area_m2");
    assertThat(browser.text("#import-mapping-table tr[data-column=floor_area]")).contains("自动");
    // Leaving the name out is a choice the next preview applies: name is required.
    new Select(browser.driver().findElement(By.cssSelector("select[data-column=name]")))
        .selectByValue("");
    browser.waitFor("return document.querySelectorAll('#import-error-list li').length === 1", 30);
    assertThat(browser.text("#import-error-list")).contains("名称").contains("缺少必填项");
    new Select(browser.driver().findElement(By.cssSelector("select[data-column=name]")))
        .selectByValue("name");
    browser.waitFor("return !document.getElementById('import-run').disabled", 30);
    browser.screenshot("import-zh-CN");
    browser.driver().findElement(By.id("lang")).click();
    browser.waitFor("return document.documentElement.lang === 'en'"
        + " && !!document.querySelector('#import-mapping-table')", 20);
    String panel = (String) browser.js("return document.getElementById('import-panel').innerText");
    assertThat(panel).as((String) browser.js(
        "return document.getElementById('import-panel').outerHTML"))
        .contains("Column mapping").contains("automatic");
    browser.screenshot("import-en");
    browser.js("delete document.body.dataset.imported");
    browser.driver().findElement(By.id("import-run")).click();
    browser.waitFor("return document.body.dataset.imported === '1'", 30);
    assertThat(browser.text("#import-message")).isEqualTo("1 feature(s) imported");
    assertThat(jdbc.queryForObject("SELECT floor_area_m2 FROM communities WHERE name = '奥格导入社区'",
        Double.class)).isEqualTo(12000.5);
    copyScreenshots();
  }

  @Test
  void aFailedImportJobListsEachFeaturesProblemsInChinese() throws Exception {
    signIn("planner");
    Path bad = Files.createTempFile("bad", ".geojson");
    Files.writeString(bad, collection(community("任务坏社区甲", "nowhere", 113.86, 35.30, 0.002, 10),
        community("任务坏社区乙", "weibin", 113.87, 35.30, 0.002, -3)));
    choose("communities", bad);
    browser.waitFor("return document.querySelectorAll('#import-error-list li').length === 2", 30);
    // The preview stops this file; an import it did not stop (a stale preview, a check only the
    // import makes) fails in its job, whose errors the map lists the same way. The button is
    // forced here to reach that path with the preview's own bad features.
    browser.js("document.getElementById('import-errors').replaceChildren();"
        + " document.getElementById('import-run').disabled = false");
    browser.driver().findElement(By.id("import-run")).click();
    browser.waitFor("return document.querySelectorAll('#import-error-list li').length === 2", 60);
    List<String> errors = browser.driver().findElements(By.cssSelector("#import-error-list li"))
        .stream().map(e -> e.getText()).toList();
    assertThat(errors.get(0)).as(errors.toString()).contains("第 1 个要素").contains("县市区")
        .contains("县市区代码不存在（nowhere）").doesNotContain("unknown");
    assertThat(errors.get(1)).as(errors.toString()).contains("第 2 个要素").contains("户数")
        .contains("数值超出范围").doesNotContain("must");
    assertThat(communities("任务坏社区甲") + communities("任务坏社区乙")).isZero();
  }

  @Test
  void aLargeFilesImportRunsAsAJobWhoseProgressDrivesTheBarAndTheLayerIsDrawnAgain()
      throws Exception {
    signIn("planner");
    // Large enough that the job outlasts several of the page's polls (250 ms apart) even when
    // the import's code is already compiled (decision 104 made 20,000 a single poll's work).
    int n = 60_000;
    String[] features = new String[n];
    for (int i = 0; i < n; i++) {
      features[i] = community("大批导入" + i, "weibin", 113.70 + (i % 300) * 0.0009,
          35.20 + (i / 300) * 0.0009, 0.0005, 10 + i % 50);
    }
    Path big = Files.createTempFile("big", ".geojson");
    Files.writeString(big, collection(features));
    assertThat(Files.size(big)).isGreaterThan(15_000_000);
    choose("communities", big);
    browser.waitFor("return document.querySelector('#import-summary dd[data-key=count]')"
        + "?.textContent === '" + n + "'", 120);
    // Counts the layer's redraws from here, to see the import draw it again.
    browser.js("const l = window.jointworks.layers; const load = l.load.bind(l);"
        + " window.reloaded = []; l.load = id => { window.reloaded.push(id); return load(id); }");
    browser.driver().findElement(By.id("import-run")).click();
    browser.waitFor("return document.body.dataset.imported === '" + n + "'", 180);
    assertThat(browser.text("#import-message")).contains("已导入 " + n + " 个要素");
    // Every value the bar showed came from the job (its 202 answer, then GET
    // /api/imports/jobs/{id}): rising to its 100 % when stored, and at least once in between. The
    // first value is whatever the job had reached when it answered (0 % queued, a few % on a quiet
    // machine where reading starts at once), never already 100.
    String seen = (String) browser.js("return document.body.dataset.importProgress");
    List<Integer> percents = java.util.Arrays.stream(seen.split(",")).map(Integer::valueOf)
        .toList();
    assertThat(percents).as(seen).endsWith(100).isSorted();
    assertThat(percents.get(0)).as(seen).isLessThan(100);
    assertThat(percents).as(seen).anyMatch(p -> p > 0 && p < 100);
    assertThat(browser.js("return window.reloaded")).isEqualTo(List.of("communities"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM communities WHERE name LIKE '大批导入%'",
        Long.class)).isEqualTo(n);
  }

  @Test
  void aLeaderDownloadsTheOverdueListAsExcelAsOfTheDayShown() {
    signIn("leader");
    browser.waitFor("return !document.querySelector('[data-view=leader]').hidden", 30);
    browser.driver().findElement(By.cssSelector("[data-view=leader]")).click();
    browser.waitFor("return !!document.querySelector('button[data-xlsx=leader-overdue]')", 60);
    browser.click(By.cssSelector("button[data-xlsx=leader-overdue]"), 10);
    browser.waitFor("return !!window.jointworks.lastExport", 30);
    @SuppressWarnings("unchecked")
    Map<String, Object> export = (Map<String, Object>) browser.js(
        "return window.jointworks.lastExport");
    assertThat(export.get("error")).isNull();
    assertThat(export.get("status")).isEqualTo(200L);
    assertThat((String) export.get("url")).startsWith("/api/progress/overdue?")
        .contains("asOf=").contains("format=xlsx").contains("lang=zh-CN");
    assertThat((String) export.get("type")).contains("spreadsheetml");
    assertThat(export.get("head")).isEqualTo(List.of(80L, 75L)); // "PK": a zip, the xlsx
    assertThat((String) export.get("name")).isEqualTo("逾期项目.xlsx");
    // The layers' tables too, from the layer list.
    browser.js("document.getElementById('xlsx-layers').open = true; window.jointworks.lastExport"
        + " = null");
    browser.click(By.cssSelector("button[data-xlsx=layer-communities]"), 10);
    browser.waitFor("return !!window.jointworks.lastExport", 30);
    assertThat(browser.js("return window.jointworks.lastExport.status")).isEqualTo(200L);
  }

  private static final String[] POINT_HEADERS =
      {"物探点号", "特征", "附属物", "X", "Y", "地面高程(m)", "埋深(m)", "管线类别"};
  private static final String[] LINE_HEADERS =
      {"起点号", "终点号", "材质", "管径(mm)", "起点埋深", "终点埋深", "埋设方式"};

  /** A survey workbook written with POI: points p1..p3 and the lines p1→p2, p2→{@code end}. */
  private static Path surveyBook(String p, String end) throws Exception {
    String[][][] sheets = {
        {POINT_HEADERS,
            {p + "1", "三通", "阀门", "3909500.1", "486300.2", "72.35", "1.2", "燃气"},
            {p + "2", "直线点", "", "3909500.4", "486350.7", "72.41", "1.25", "燃气"},
            {p + "3", "", "检查井", "3909540.25", "486352", "72.5", "1.4", "燃气"}},
        {LINE_HEADERS,
            {p + "1", p + "2", "PE", "200", "1.1", "1.15", "直埋"},
            {p + "2", end, "PE", "160", "", "", ""}}};
    Path book = Files.createTempFile("survey", ".xlsx");
    try (org.apache.poi.ss.usermodel.Workbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = Files.newOutputStream(book)) {
      String[] names = {"管点表", "管线表"};
      for (int s = 0; s < 2; s++) {
        var sheet = wb.createSheet(names[s]);
        for (int r = 0; r < sheets[s].length; r++) {
          var row = sheet.createRow(r);
          for (int c = 0; c < sheets[s][r].length; c++) {
            if (!sheets[s][r][c].isEmpty()) {
              row.createCell(c).setCellValue(sheets[s][r][c]);
            }
          }
        }
      }
      wb.write(out);
    }
    return book;
  }

  private long surveyed(String table, String column, String prefix) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE owner = 'gas' AND "
        + column + " LIKE ?", Long.class, prefix + "%");
  }

  @Test
  void theGasUtilityImportsASurveyWorkbookIntoPointsAndLinesWithItsMappingShownPerTable()
      throws Exception {
    signIn("gas");
    choose("pipelines", surveyBook("RQM", "RQM3"));
    browser.waitFor("return !document.getElementById('import-run').disabled", 60);
    assertThat(browser.text("#import-summary")).contains("管点 3 个").contains("管线 2 条")
        .contains("EPSG:4547");
    // Both tables' mappings, each field with the workbook column it reads, in Chinese.
    assertThat(browser.js("return document.querySelector('table[data-table=points]"
        + " select[data-field=point_no]').value")).isEqualTo("物探点号");
    assertThat(browser.js("return document.querySelector('table[data-table=lines]"
        + " select[data-field=end_point]').value")).isEqualTo("终点号");
    assertThat(browser.text("table[data-table=lines]")).contains("管线表").contains("终点号");
    assertThat(browser.text("#import-errors")).isEmpty();
    browser.js("const l = window.jointworks.layers; const load = l.load.bind(l);"
        + " window.reloaded = []; l.load = id => { window.reloaded.push(id); return load(id); }");
    browser.driver().findElement(By.id("import-run")).click();
    browser.waitFor("return document.body.dataset.imported === '5'", 60);
    assertThat(browser.text("#import-message")).contains("已导入 5 个要素");
    @SuppressWarnings("unchecked")
    List<String> reloaded = (List<String>) browser.js("return window.reloaded");
    assertThat(reloaded).containsExactly("pipelines", "pipe-points");
    assertThat(surveyed("pipe_points", "point_no", "RQM")).isEqualTo(3);
    assertThat(surveyed("pipelines", "start_point", "RQM")).isEqualTo(2);
  }

  @Test
  void aSurveyLineToAMissingPointIsRefusedWithItsRowErrorInChineseAndNothingStored()
      throws Exception {
    signIn("gas");
    choose("pipelines", surveyBook("RQX", "RQX9"));
    browser.waitFor("return document.querySelectorAll('#import-error-list li').length === 1", 60);
    assertThat(browser.text("#import-error-list li"))
        .isEqualTo("管线表第 3 行 终点号：没有该点号的管点");
    assertThat(browser.js("return document.getElementById('import-run').disabled")).isEqualTo(true);
    // Sent all the same (the button forced on), the server refuses it and the panel lists the
    // row again from the refusal; nothing is stored.
    browser.js("document.getElementById('import-run').disabled = false;"
        + " document.getElementById('import-error-list').remove()");
    browser.driver().findElement(By.id("import-run")).click();
    browser.waitFor("return document.querySelectorAll('#import-error-list li').length === 1", 60);
    assertThat(browser.text("#import-message")).contains("行错误").contains("未保存任何数据");
    assertThat(browser.text("#import-error-list li"))
        .isEqualTo("管线表第 3 行 终点号：没有该点号的管点");
    assertThat(browser.js("return document.body.dataset.imported")).isNull();
    assertThat(surveyed("pipe_points", "point_no", "RQX")).isZero();
    assertThat(surveyed("pipelines", "start_point", "RQX")).isZero();
  }

  private static void copyScreenshots() throws Exception {
    Path docs = Path.of("docs", "screenshots");
    if (Files.isDirectory(docs)) {
      for (String name : List.of("import-zh-CN", "import-en")) {
        Files.copy(Path.of("target", "screenshots", name + ".png"), docs.resolve(name + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
