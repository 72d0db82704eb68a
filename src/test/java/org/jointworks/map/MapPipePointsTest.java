package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointworks.geo.Crs;
import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Pipe points on the map in headless Chromium: a utility imports a survey workbook in the map's
 * import panel and then sees its points, from the vector tiles, in its utility's colour, with the
 * appurtenance named (not coded) in the feature panel; an anonymous visitor is offered no such
 * layer and its page never asks for the layer's tiles; a leader is not offered the layer either.
 */
class MapPipePointsTest extends SampleCityBrowserTest {
  @Test
  void aUtilitySeesItsSurveyedPipePointsAndAnonymousVisitorsDoNot() throws Exception {
    browser = new Browser(port, 1280, 800);
    browser.signIn("gas");
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 60);
    Path book = workbook();
    browser.js("document.querySelector('#import-panel details').open = true");
    new Select(browser.driver().findElement(By.id("import-layer"))).selectByValue("pipelines");
    browser.driver().findElement(By.id("import-file")).sendKeys(book.toString());
    browser.waitFor("return !document.getElementById('import-run').disabled", 60);
    browser.driver().findElement(By.id("import-run")).click();
    browser.waitFor("return document.body.dataset.imported === '3'", 60);

    double[] ll = Crs.transform(4547, 4490, 486300.2, 3909500.1);
    browser.click(By.cssSelector("input[data-layer='pipe-points']"), 10);
    browser.js(String.format(Locale.ROOT, "window.jointworks.layers.map.setView([%f, %f], 18,"
        + " {animate: false})", ll[1], ll[0]));
    browser.waitFor("return window.jointworks.layers.drawn('pipe-points') === 2", 60);
    Object fills = browser.js("const l = window.jointworks.layers; return [...new Set("
        + "l.features('pipe-points').map(f => l.styleFor('pipe-points', f.properties)"
        + ".fillColor))]");
    assertThat(fills.toString()).isEqualTo("[rgb(255,0,255)]"); // gas, CJJ 61
    browser.js("const l = window.jointworks.layers; l.pick('pipe-points',"
        + " l.features('pipe-points').find(f => f.properties.point_no === 'RQ1').id)");
    browser.waitFor("return !!document.querySelector('#feature-attributes dd[data-field="
        + "appurtenance]')", 30);
    assertThat(browser.text("#feature-attributes dd[data-field=appurtenance]")).isEqualTo("阀门");
    assertThat(browser.text("#feature-attributes")).contains("附属物").contains("物探点号")
        .contains("管点");
    browser.screenshot("map-pipe-points");
    browser.close();

    // Anonymous: no layer to switch on, and the tiles of the layer are refused.
    browser = new Browser(port, 1280, 800);
    browser.openMap();
    assertThat(browser.driver().findElements(By.cssSelector("input[data-layer='pipe-points']")))
        .isEmpty();
    browser.js(String.format(Locale.ROOT, "window.jointworks.layers.map.setView([%f, %f], 18,"
        + " {animate: false})", ll[1], ll[0]));
    browser.waitFor("return window.jointworks.layers.drawn('communities') >= 0", 20);
    // The page never asks for the layer's tiles (a 401 with WWW-Authenticate would make the
    // browser ask for a password; TilesH2gisTest checks the 401 itself).
    Object asked = browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('pipe-points')).length");
    assertThat(asked).isEqualTo(0L);
    browser.close();

    // A leader reads pipe points through the API but is not offered the layer on the map.
    browser = new Browser(port, 1280, 800);
    browser.signIn("leader");
    assertThat(browser.driver().findElements(By.cssSelector("input[data-layer='pipe-points']")))
        .isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("input[data-layer=pipelines]")))
        .isNotEmpty();
  }

  /** Two gas points 50 m apart (a valve and a plain point) and the line between them. */
  private static Path workbook() throws Exception {
    Path book = Files.createTempFile("survey-map", ".xlsx");
    try (Workbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(book)) {
      String[][][] sheets = {
          {{"物探点号", "附属物", "X", "Y", "地面高程", "埋深", "管线类别"},
              {"RQ1", "阀门", "3909500.1", "486300.2", "72.35", "1.2", "燃气"},
              {"RQ2", "", "3909500.4", "486350.7", "72.41", "1.25", "燃气"}},
          {{"起点号", "终点号", "材质", "管径"}, {"RQ1", "RQ2", "PE", "200"}}};
      String[] names = {"管点表", "管线表"};
      for (int s = 0; s < 2; s++) {
        var sheet = wb.createSheet(names[s]);
        for (int r = 0; r < sheets[s].length; r++) {
          var row = sheet.createRow(r);
          for (int c = 0; c < sheets[s][r].length; c++) {
            row.createCell(c).setCellValue(sheets[s][r][c]);
          }
        }
      }
      wb.write(out);
    }
    return book;
  }
}
