package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointworks.support.Browser;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map page in a real headless Chromium on the sample city: the public map, signing in,
 * layers, search and the language switch. Each test saves a screenshot under target/screenshots.
 */
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapPageTest {
  @LocalServerPort
  int port;
  Browser browser;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @BeforeEach
  void open() {
    browser = new Browser(port, 1280, 800);
  }

  @AfterEach
  void close() {
    // The page works under its Content-Security-Policy: no violation on the console (issue 17).
    java.util.List<String> violations = browser == null ? java.util.List.of()
        : browser.cspViolations();
    if (browser != null) {
      browser.close();
    }
    assertThat(violations).as("CSP violations on the console").isEmpty();
  }

  @Test
  void thePublicMapDrawsTheCityWithoutPipelines() {
    browser.openMap();
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0"
        + " && window.jointworks.layers.drawn('districts') > 0", 20);
    long communities = (Long) browser.js("return window.jointworks.layers.drawn('communities')");
    long districts = (Long) browser.js("return window.jointworks.layers.drawn('districts')");
    browser.screenshot("map-public");
    assertThat(districts).isEqualTo(11);
    assertThat(communities).isGreaterThan(10);
    assertThat(browser.driver().findElements(By.cssSelector("input[data-layer=pipelines]"))).isEmpty();
    assertThat(browser.text("#who")).isEqualTo("公众（只读）");
    // No basemap tiles (none configured): the only tiles are the service's own vector tiles.
    assertThat(browser.driver().findElements(By.cssSelector("img.leaflet-tile"))).isEmpty();
  }

  @Test
  void theMapDrawsFromTheServicesVectorTilesAndAClickPicksTheFeatureUnderIt() {
    browser.openMap();
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 10", 20);
    // The layers come as MVT tiles of the service's OGC API Tiles, not as GeoJSON downloads.
    long tiles = (Long) browser.js("return performance.getEntriesByType('resource').filter(e =>"
        + " /\\/ogcapi\\/collections\\/communities\\/tiles\\/WebMercatorQuad\\/[0-9]+\\/[0-9]+\\/[0-9]+$/"
        + ".test(e.name)).length");
    long geoJson = (Long) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/api/communities?')).length");
    assertThat(tiles).isPositive();
    assertThat(geoJson).isZero();
    // Something is painted on the communities' tile canvases.
    long painted = (Long) browser.js("let n = 0; for (const c of document.querySelectorAll("
        + "'.leaflet-pane-communities-pane canvas')) { const d = c.getContext('2d')"
        + ".getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4)"
        + " if (d[i] > 0) n++; } return n");
    assertThat(painted).isGreaterThan(50);
    // A real click in the middle of a community opens its attributes and outlines it on top.
    browser.js("window.jointworks.layers.zoomTo('communities', {name: '卫滨区示例平原花园14'}, 18)");
    browser.waitFor("return window.jointworks.map.getZoom() === 18"
        + " && window.jointworks.layers.drawn('communities') > 0", 20);
    browser.driver().findElement(By.id("map")).click();
    browser.waitFor("return !document.getElementById('feature-panel').hidden", 10);
    assertThat(browser.text("#feature-attributes")).contains("#");
    assertThat((Long) browser.js("return window.jointworks.layers.highlight.getLayers().length"))
        .isEqualTo(1L);
  }

  @Test
  void theMeasureToolGivesDistanceAndAreaOnTheGroundWithoutPickingFeatures() {
    browser.openMap();
    browser.js("window.jointworks.map.setView([35.30, 113.87], 15, {animate: false})");
    browser.driver().findElement(By.id("measure")).click();
    WebElement map = browser.driver().findElement(By.id("map"));
    // A right triangle of 200 px legs (Selenium offsets are from the element's centre).
    int[][] points = {{-100, -100}, {100, -100}, {100, 100}};
    for (int[] p : points) {
      new org.openqa.selenium.interactions.Actions(browser.driver())
          .moveToElement(map, p[0], p[1]).click().perform();
    }
    browser.waitFor("return /面积/.test(document.getElementById('measure-readout').textContent)", 10);
    String readout = browser.text("#measure-readout").replace(",", "");
    // The same legs measured by Leaflet from the map's own projection.
    String expected = (String) browser.js("const m = window.jointworks.map, s = m.getSize();"
        + " const at = (x, y) => m.containerPointToLatLng([s.x / 2 + x, s.y / 2 + y]);"
        + " const a = m.distance(at(-100, -100), at(100, -100)), b = m.distance(at(100, -100), at(100, 100));"
        + " return Math.round(a + b) + ' ' + Math.round(a * b / 2)");
    double[] want = java.util.Arrays.stream(expected.split(" ")).mapToDouble(Double::parseDouble).toArray();
    var m = java.util.regex.Pattern.compile("距离 ([0-9]+) 米 · 面积 ([0-9]+) 平方米").matcher(readout);
    assertThat(m.find()).as(readout).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isCloseTo(want[0], org.assertj.core.data.Percentage.withPercentage(2));
    assertThat(Double.parseDouble(m.group(2))).isCloseTo(want[1], org.assertj.core.data.Percentage.withPercentage(2));
    // Measuring clicks are points, not picks: no attribute panel opened.
    assertThat(browser.driver().findElement(By.id("feature-panel")).isDisplayed()).isFalse();
    browser.screenshot("map-measure");
  }

  @Test
  void aSignedInUserSeesPipelinesInTheSurveyColours() {
    browser.signIn("gas");
    assertThat(browser.text("#who")).contains("gas").contains("管线单位");
    WebElement pipelines = browser.driver().findElement(By.cssSelector("input[data-layer=pipelines]"));
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 20);
    browser.waitFor("const l = window.jointworks.layers; const f = l.features('communities')[0];"
        + " if (!f) return false; l.zoomTo('communities', {id: f.id}, 16); return true", 30);
    pipelines.click();
    browser.waitFor("return window.jointworks.layers.drawn('pipelines') > 0", 20);
    Object colours = browser.js("const l = window.jointworks.layers; return [...new Set("
        + "l.features('pipelines').map(f => l.styleFor('pipelines', f.properties).color))]");
    browser.screenshot("map-pipelines");
    assertThat(colours.toString()).contains("rgb(255,0,255)");
  }

  @Test
  void pipelinesShowAtTheOpeningZoomAsLinesAndDotsInTheirUtilitysColour() {
    browser.signIn("gas");
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 20);
    Object zoom = browser.js("return window.jointworks.map.getZoom()");
    assertThat(((Number) zoom).doubleValue()).as("the opening view, on the counties").isLessThan(12);
    browser.driver().findElement(By.cssSelector("input[data-layer=pipelines]")).click();
    // Was: nothing below zoom 12 (the tiles left pipelines out), so the network was not whole.
    browser.waitFor("return window.jointworks.layers.drawn('pipelines') > 0", 30);
    Object kinds = browser.js("const l = window.jointworks.layers; return [...new Set("
        + "l.features('pipelines').map(f => f.properties.dot ? 'dot' : 'line'))].sort()");
    assertThat(kinds.toString()).as("long pipes stay lines, short ones become dots")
        .contains("line").contains("dot");
    Object dotColours = browser.js("const l = window.jointworks.layers; return [...new Set("
        + "l.features('pipelines').filter(f => f.properties.dot)"
        + ".map(f => l.styleFor('pipelines', f.properties).fillColor))]");
    assertThat(dotColours.toString()).as("a dot in its utility's colour, not a default")
        .doesNotContain("undefined").doesNotContain("null");
    browser.screenshot("map-pipelines-opening-zoom");
  }

  @Test
  void searchFindsACommunityAndShowsItsAttributes() {
    browser.openMap();
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 20);
    // The opening view shows the whole city, many communities as dots (ids only): a named one.
    String name = "卫滨区示例平原花园14";
    browser.driver().findElement(By.id("search-input")).sendKeys(name);
    browser.waitFor("return document.querySelectorAll('#search-results li').length > 0", 10);
    browser.driver().findElement(By.cssSelector("#search-results li")).click();
    browser.waitFor("return !document.getElementById('feature-panel').hidden", 10);
    browser.screenshot("map-search");
    assertThat(browser.text("#feature-attributes")).contains(name);
    assertThat(browser.text("dd[data-field=households]")).matches("[0-9,]+");
  }

  @Test
  void theLanguageSwitchesToEnglish() {
    browser.openMap();
    assertThat(browser.text(".bar h1")).contains("老旧小区");
    browser.driver().findElement(By.id("lang")).click();
    browser.waitFor("return document.documentElement.lang === 'en'", 10);
    assertThat(browser.text(".bar h1")).contains("renovation");
    assertThat(browser.text("#layer-list")).contains("Communities");
    browser.js("localStorage.clear()");
  }
}
