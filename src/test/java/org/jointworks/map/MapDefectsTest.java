package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jointworks.support.Browser;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18's walkthrough defects, one regression per role, each asserted on what the page shows
 * in headless Chromium on the sample city: names instead of codes, years, translated refusals,
 * the utility's file input and form, the planner's counts and suggestions, the leader's overdue
 * list, ranking, labels and legends, and the phone layout. Every assertion failed before its fix.
 */
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapDefectsTest {
  private static final String TO_WEIBIN = "window.jointworks.layers.zoomTo('communities',"
      + " {name: '卫滨区示例平原花园14'}, 15)";
  @LocalServerPort
  int port;
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

  private void open(String user, int width, int height) {
    browser = new Browser(port, width, height);
    browser.viewport(width, height);
    if (user == null) {
      browser.openMap();
    } else {
      browser.signIn(user);
    }
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 60);
  }

  private void selectView(String view) {
    browser.waitFor("return !document.querySelector('[data-view=" + view + "]').hidden", 30);
    browser.driver().findElement(By.cssSelector("[data-view=" + view + "]")).click();
  }

  @Test
  void searchAndTheAttributePanelShowNamesAndYearsNotCodes() {
    open(null, 1280, 800);
    browser.driver().findElement(By.id("search-input")).sendKeys("平原花园14");
    browser.waitFor("return document.querySelectorAll('#search-results li').length > 0", 20);
    String result = browser.text("#search-results li:first-child");
    assertThat(result).contains("卫滨区").doesNotContain("weibin");
    browser.driver().findElement(By.cssSelector("#search-results li:first-child")).click();
    browser.waitFor("return !document.getElementById('feature-panel').hidden", 10);
    assertThat(browser.text("dd[data-field=district]")).isEqualTo("卫滨区");
    assertThat(browser.text("dd[data-field=build_year]")).matches("(19|20)[0-9]{2}");
    // Streets are found by name too (an address is given by its street).
    browser.driver().findElement(By.id("search-input")).clear();
    browser.driver().findElement(By.id("search-input")).sendKeys("卫滨示例路1");
    browser.waitFor("return !!document.querySelector('#search-results li[data-layer=streets]')", 20);
    assertThat(browser.text("#search-results li[data-layer=streets]")).contains("道路");
    // A public work: its owner's name, not the owner's code beside it.
    browser.js(TO_WEIBIN);
    browser.waitFor("return window.jointworks.layers.drawn('works') > 0", 30);
    // Tiles may be swapped between two calls while the zoom settles: pick in one step, retried.
    browser.waitFor("const l = window.jointworks.layers; const f = l.features('works')[0];"
        + " if (!f) return false; l.choose('works', f); return true", 30);
    browser.waitFor("return !!document.querySelector('dd[data-field=owner_name]')", 10);
    assertThat(browser.driver().findElements(By.cssSelector("dd[data-field=owner]"))).isEmpty();
    assertThat(browser.text("dd[data-field=utility]")).doesNotContainPattern("[a-z_]{3,}");
  }

  @Test
  void aGasUtilityFilesOnlyForItselfSeesOthersWorksReadsAZipAndReadsRefusalsInChinese()
      throws Exception {
    open("gas", 1280, 800);
    selectView("utility");
    browser.waitFor("return !!document.getElementById('work-utility')", 30);
    assertThat(browser.js("const s = document.getElementById('work-utility');"
        + " return s.disabled + ':' + [...s.options].map(o => o.value).join(',')"))
        .isEqualTo("true:gas");
    // Other utilities' works are on the map by default (a conflict's counterpart is visible).
    browser.js(TO_WEIBIN);
    browser.waitFor("return window.jointworks.layers.features('works')"
        + ".some(f => f.properties.owner !== 'gas')", 30);
    // A Shapefile zip in the file input is read through the files endpoint, not as JSON.
    Path zip = Files.createTempFile("work", ".zip");
    Files.write(zip, shapefileZip());
    browser.driver().findElement(By.id("work-file")).sendKeys(zip.toAbsolutePath().toString());
    browser.waitFor("return !document.getElementById('work-check').disabled", 30);
    assertThat(browser.driver().findElement(By.id("work-start")).getAttribute("value"))
        .isEqualTo("2023-05-01");
    assertThat(browser.text("#utility")).doesNotContain("Unexpected token");
    // A refusal (end before start) is said in Chinese, with the field names, not in English.
    browser.js("document.getElementById('work-end').value = '2023-04-01'");
    browser.driver().findElement(By.id("work-check")).click();
    browser.waitFor("return document.getElementById('utility-message').classList.contains('error')", 30);
    String message = browser.text("#utility-message");
    assertThat(message).contains("结束日期").contains("开始日期")
        .doesNotContain("not valid").doesNotContain("is before");
    // A same-window conflict of works days apart names the gap rule instead of "overlap 0 days".
    Object text = browser.js("return import('/js/views/utility-parts.js').then(m => m.conflictItem({kind: 'same_window',"
        + " overlapDays: 0, separationDays: 5, gapMeters: 1, a: {utility: 'gas', startDate: '2023-05-01',"
        + " endDate: '2023-05-10'}, b: {id: 7, utility: 'power', startDate: '2023-05-15',"
        + " endDate: '2023-05-20'}}, () => {}, 30).textContent)");
    assertThat(text.toString()).contains("相隔 5 天").contains("30 天").doesNotContain("重叠 0 天");

    // Its own works are rescheduled and withdrawn in the map (versioned writes).
    browser.waitFor("return document.querySelectorAll('#own-works li .edit-work').length > 1", 30);
    Object id = browser.js("const li = [...document.querySelectorAll('#own-works li[data-work]')]"
        + ".find(l => l.querySelector('.edit-work'));"
        + " li.querySelector('.edit-work').click(); li.querySelector('.work-end').value = '2023-12-30';"
        + " li.querySelector('.save-work').click(); return li.dataset.work");
    browser.waitFor("return /#" + id + "/.test(document.getElementById('utility-message').textContent)", 30);
    assertThat(browser.js("return fetch('/api/works/" + id + "', {headers: {'X-Requested-With':"
        + " 'XMLHttpRequest'}}).then(r => r.json()).then(w => w.properties.end_date + '/' + w.version)"))
        .isEqualTo("2023-12-30/2");
    Object other = browser.js("const li = [...document.querySelectorAll('#own-works li[data-work]')]"
        + ".find(l => l.dataset.work !== '" + id + "' && l.querySelector('.withdraw-work'));"
        + " li.querySelector('.withdraw-work').click(); li.querySelector('.withdraw-work').click();"
        + " return li.dataset.work");
    browser.waitFor("return /#" + other + "/.test(document.getElementById('utility-message').textContent)", 30);
    assertThat(browser.js("return fetch('/api/works/" + other + "', {headers: {'X-Requested-With':"
        + " 'XMLHttpRequest'}}).then(r => r.json()).then(w => w.properties.status)").toString())
        .isIn("withdrawn", "cancelled");
    browser.screenshot("defects-utility");
  }

  @Test
  void aPlannersCountsSuggestionsAndPlanSayWhatTheyMean() {
    open("planner", 1280, 800);
    selectView("planner");
    browser.waitFor("return !!document.querySelector('#areas-list')", 30);
    // A stored area over part of Weibin: suggestions holding its communities are left out.
    @SuppressWarnings("unchecked")
    Map<String, Object> saved = (Map<String, Object>) browser.js("return"
        + " fetch('/api/linked-areas', {method: 'POST', credentials: 'same-origin', headers:"
        + " {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN':"
        + " decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1])}, body: JSON.stringify("
        + "{type: 'Feature', properties: {name: '已存片区'}, geometry: {type: 'Polygon', coordinates:"
        + " [[[113.852, 35.300], [113.858, 35.300], [113.858, 35.305], [113.852, 35.300]]]}})})"
        + ".then(r => r.json()).then(j => ({id: j.id}))");
    assertThat(saved.get("id")).isNotNull();
    selectView("map");
    selectView("planner");
    browser.waitFor("return document.querySelectorAll('#areas-list li[data-area]').length === 1", 30);
    browser.driver().findElement(By.cssSelector("#areas-list li[data-area]")).click();
    browser.waitFor("return !!document.querySelector('#preview-totals')", 30);
    long listed = browser.driver().findElements(By.cssSelector("#preview-members li")).size();
    assertThat(browser.text("#preview-members-title")).contains("（" + listed + " 个");
    assertThat(browser.text("[data-total=communities]")).contains("部分在内");

    browser.driver().findElement(By.id("suggest")).click();
    browser.waitFor("return document.querySelectorAll('#suggestions li').length > 0", 60);
    assertThat(browser.text("#suggestions-skipped")).containsPattern("[0-9]+");
    String first = browser.text("#suggestions li:first-child strong");
    assertThat(first).containsPattern("等 [0-9]+ 个小区").doesNotContain(" and ");
    // Every checked facility kind is shown as present or missing.
    assertThat(browser.driver().findElements(By.cssSelector(
        "#suggestions li:first-child .facility-kinds [data-present]"))).hasSizeGreaterThanOrEqualTo(7);
    // At the city's zoom each suggestion keeps a marker of fixed size.
    browser.js("window.jointworks.map.setZoom(9, {animate: false})");
    assertThat((Long) browser.js("return document.querySelectorAll('path.suggestion-marker').length"))
        .isEqualTo((long) browser.driver().findElements(By.cssSelector("#suggestions li")).size());

    // The construction plan: the projects' start deadline is one note, not a red line per trench.
    browser.driver().findElement(By.cssSelector("#areas-list li[data-area]")).click();
    browser.waitFor("return !document.getElementById('area-plan').hidden", 30);
    browser.click(By.id("area-plan"), 30);
    browser.waitFor("return !document.getElementById('timeline').hidden", 60);
    assertThat(browser.driver().findElements(By.cssSelector("#plan-unmet li"))
        .stream().map(e -> e.getText()).toList()).noneMatch(s -> s.contains("晚于开工期限")
        || s.contains("excavation"));
    // Month labels never overlap.
    assertThat(browser.js("const r = [...document.querySelectorAll('#timeline text.month')]"
        + ".map(t => t.getBBox()); return r.length > 0 && r.every((b, i) => i === 0"
        + " || b.x >= r[i - 1].x + r[i - 1].width)")).isEqualTo(true);
    browser.screenshot("defects-planner-plan");
  }

  @Test
  void theLeadersOverdueListRankingLabelsAndLegendsAgreeAndExplain() {
    open("leader", 1280, 800);
    selectView("leader");
    browser.waitFor("return !!document.querySelector('#leader-ranking')"
        + " && document.querySelectorAll('.county-label').length > 0", 60);
    @SuppressWarnings("unchecked")
    Map<String, Object> overdue = (Map<String, Object>) browser.js("return"
        + " fetch('/api/progress/overdue?asOf=2023-07-15', {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
        + ".then(r => r.json()).then(o => ({counties: o.counties.reduce((s, c) => s + c.overdueProjects, 0)}))");
    List<String> milestones = browser.driver().findElements(By.cssSelector("#leader-overdue tbody tr"))
        .stream().map(r -> r.findElements(By.tagName("td")).get(3).getText()).toList();
    assertThat((long) milestones.size()).isEqualTo(((Number) overdue.get("counties")).longValue());
    assertThat(milestones).allMatch(s -> !s.isBlank());
    assertThat(browser.text("#leader-overdue")).doesNotContain("已完成");
    assertThat(browser.text("#leader-method")).contains("质量").contains("%");
    assertThat(browser.text("#leader-ranking")).contains("按期整改");
    assertThat(browser.driver().findElements(By.cssSelector(".county-label"))).hasSize(11);
    assertThat((Long) browser.js("return [...document.querySelectorAll('.leaflet-control .legend')]"
        + ".filter(e => e.offsetParent !== null).length")).isLessThanOrEqualTo(2L);
    // Clicking an overdue row highlights the community and shows its details in sight.
    browser.driver().findElement(By.cssSelector("#leader-overdue tbody tr")).click();
    browser.waitFor("return document.querySelectorAll('.leaflet-pane-highlight-pane path').length === 1"
        + " && !!document.querySelector('#leader-overdue tr.selected')", 30);
    assertThat(browser.js("const r = document.getElementById('feature-panel').getBoundingClientRect();"
        + " return !document.getElementById('feature-panel').hidden && r.top >= 0"
        + " && r.top < window.innerHeight")).isEqualTo(true);
    browser.screenshot("defects-leader");
  }

  @Test
  void onAPhoneTheMapKeepsSixtyPercentAndLegendsFold() {
    open("leader", 390, 844);
    long mapHeight = browser.driver().findElement(By.id("map")).getSize().getHeight();
    assertThat(mapHeight).isGreaterThanOrEqualTo((long) (844 * 0.6));
    assertThat(browser.js("return [...document.querySelectorAll('details.legend')]"
        + ".every(d => !d.open)")).isEqualTo(true);
    assertThat((Long) browser.js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
    browser.screenshot("defects-phone");
  }

  /** A Shapefile zip of one proposed gas work (CGCS2000 geographic), built by hand. */
  private static byte[] shapefileZip() throws Exception {
    Path dir = Files.createTempDirectory("shp");
    org.locationtech.jts.geom.GeometryFactory f = new org.locationtech.jts.geom.GeometryFactory();
    org.locationtech.jts.geom.LineString line = f.createLineString(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(113.85, 35.30),
        new org.locationtech.jts.geom.Coordinate(113.853, 35.30)});
    try (var shp = open(dir.resolve("w.shp")); var shx = open(dir.resolve("w.shx"))) {
      var w = new org.h2gis.functions.io.shp.internal.ShapefileWriter(shp, shx);
      w.writeHeaders(org.h2gis.functions.io.shp.internal.ShapeType.ARC);
      w.writeGeometry(f.createMultiLineString(new org.locationtech.jts.geom.LineString[] {line}));
      w.writeHeaders(org.h2gis.functions.io.shp.internal.ShapeType.ARC);
      w.close();
    }
    var h = new org.h2gis.functions.io.dbf.internal.DbaseFileHeader();
    h.setEncoding("UTF-8");
    for (String c : List.of("utility", "owner", "kind", "status", "start_date", "end_date")) {
      h.addColumn(c, 'C', 20, 0);
    }
    h.setNumRecords(1);
    try (var dbf = open(dir.resolve("w.dbf"))) {
      var w = new org.h2gis.functions.io.dbf.internal.DbaseFileWriter(h, dbf, StandardCharsets.UTF_8);
      w.write(new Object[] {"gas", "gas", "replace", "proposed", "2023-05-01", "2023-05-20"});
      w.close();
    }
    Files.writeString(dir.resolve("w.prj"), "GEOGCS[\"China Geodetic Coordinate System 2000\","
        + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
        + "UNIT[\"Degree\",0.0174532925199433]]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String ext : List.of("shp", "shx", "dbf", "prj")) {
        z.putNextEntry(new ZipEntry("works." + ext));
        z.write(Files.readAllBytes(dir.resolve("w." + ext)));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static java.nio.channels.FileChannel open(Path p) throws java.io.IOException {
    return java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ);
  }
}
