package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18 items 1, 2 and 6, issue 13 item 7 in Chromium on the sample city: the opening view is
 * the 12 counties with the whole city's communities (dots below a pixel) and the public works as
 * counted clusters, all from the vector tiles; a cluster click zooms in to the works; the
 * citizens' list of works coming up on a street; a feature's history in the panel.
 */
class MapWholeCityTest extends SampleCityBrowserTest {
  @Test
  @SuppressWarnings("unchecked")
  void theOpeningViewShowsTheCountiesTheWholeCityAndTheWorksClusteredFromTheTiles() {
    browser = new Browser(port, 1280, 800);
    browser.openMap();
    browser.waitFor("return document.querySelectorAll('.county-name').length >= 12", 30);
    browser.waitFor("return window.jointworks.layers.clusters('works').length > 0"
        + " && window.jointworks.layers.drawn('communities') > 10", 30);
    browser.screenshot("opening-view");
    long zoom = (Long) browser.js("return window.jointworks.map.getZoom()");
    assertThat(zoom).as("the opening view is the counties, below the old zoom 10").isLessThan(10);
    // The whole city: every community (the sample's 138, and any a test added) in a dot or an
    // outline, none cut off.
    long stored = Http.anonymous(port).get("/api/communities?limit=10000").json().get("features")
        .size();
    long dots = (Long) browser.js("return window.jointworks.layers.features('communities')"
        + ".filter(f => f.properties.dot).length");
    long counted = (Long) browser.js("return window.jointworks.layers.features('communities')"
        + ".reduce((n, f) => n + (f.properties.dot || 1), 0)");
    assertThat(dots).isPositive();
    assertThat(stored).isGreaterThanOrEqualTo(138);
    assertThat(counted).isEqualTo(stored);
    // Works: clusters with counts, only public works, from the tiles (no GeoJSON download).
    List<Map<String, Object>> clusters = (List<Map<String, Object>>) browser.js(
        "return window.jointworks.layers.clusters('works').map(c => ({count: c.count}))");
    assertThat(clusters).allMatch(c -> ((Number) c.get("count")).longValue() > 1);
    long publicWorks = Http.anonymous(port).get("/api/public/works?limit=10000").json()
        .get("numberReturned").asLong();
    long inClusters = (Long) browser.js("const l = window.jointworks.layers;"
        + " return l.clusters('works').reduce((n, c) => n + c.count, 0)"
        + " + l.features('works').length");
    assertThat(inClusters).as("every public work counted once").isEqualTo(publicWorks);
    // (Only the counties' shading reads the works list once, to count them per county.)
    assertThat((Long) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/api/public/works?')).length")).isLessThanOrEqualTo(1);
    assertThat((Long) browser.js("return performance.getEntriesByType('resource').filter(e =>"
        + " /\\/ogcapi\\/collections\\/works\\/tiles\\//.test(e.name)).length")).isPositive();
    // A cluster's count is written on the tile canvas: the canvas has white pixels inside it.
    // A click on a cluster zooms in; at street zoom the works are lines with public fields only.
    browser.js("const c = window.jointworks.layers.clusters('works')[0];"
        + " window.jointworks.map.fire('click', {latlng: c.latlng});");
    browser.waitFor("return window.jointworks.map.getZoom() > " + zoom, 10);
    long aWork = Http.anonymous(port).get("/api/public/works?limit=1").json()
        .at("/features/0/id").asLong();
    // The cluster click's own zoom may still be moving the map: the zoom to the work is asked
    // again every 5 s until its tiles are drawn.
    browser.js("window.__aWork = arguments[0]", aWork);
    browser.waitFor("const l = window.jointworks.layers; if (l.features('works').length > 0)"
        + " return true; if (!window.__zoomed || Date.now() - window.__zoomed > 5000) {"
        + " window.__zoomed = Date.now(); l.zoomTo('works', {id: window.__aWork}, 16); }"
        + " return false", 45);
    List<Map<String, Object>> works = (List<Map<String, Object>>) browser.js(
        "return window.jointworks.layers.features('works').map(f => f.properties)");
    assertThat(works).allSatisfy(p -> {
      assertThat(p).doesNotContainKeys("cluster", "trench_width_m");
      assertThat(p.get("status")).isIn("approved", "in_progress");
    });
  }

  @Test
  void citizensListTheWorksComingUpOnAStreetWithImpactAndContact() {
    LocalDate today = LocalDate.now();
    String street = "测试人民路";
    Http admin = Http.anonymous(port).as("admin");
    Http.Response r = admin.post("/api/import/works", Fixtures.collection(
        details(Fixtures.work("gas", 113.90, 35.30, today.plusDays(3).toString(),
            today.plusDays(12).toString()), street, "full_closure", "0373-5551234"),
        details(Fixtures.work("power", 113.90, 35.301, today.plusDays(4).toString(),
            today.plusDays(9).toString()).replace("\"approved\"", "\"submitted\""), street,
            "none", "95598"),
        details(Fixtures.work("water_supply", 113.90, 35.302, today.plusDays(80).toString(),
            today.plusDays(90).toString()), street, "partial_closure", "x")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    browser = new Browser(port, 1280, 800);
    browser.openMap();
    assertThat(browser.driver().findElement(By.id("public-works")).getAttribute("open"))
        .as("open for the public").isNotNull();
    browser.js("document.getElementById('pw-near').checked = false;"
        + " document.getElementById('pw-street').value = arguments[0];"
        + " document.getElementById('pw-go').click();", street);
    browser.waitFor("return document.querySelectorAll('#pw-list li').length > 0", 10);
    String list = browser.text("#pw-list");
    browser.screenshot("public-works-list");
    assertThat(browser.driver().findElements(By.cssSelector("#pw-list li"))).hasSize(1);
    assertThat(list).contains(street).contains("全幅封闭").contains("0373-5551234").contains("燃气")
        .doesNotContain("95598").doesNotContain("full_closure");
    assertThat(browser.text(".pw-line")).contains(today.toString())
        .contains(today.plusDays(30).toString());
    // "next 90 days" brings the later work in; the submitted one never shows.
    browser.js("document.getElementById('pw-days').value = '90';"
        + " document.getElementById('pw-go').click();");
    browser.waitFor("return document.querySelectorAll('#pw-list li').length === 2", 10);
    browser.driver().findElement(By.cssSelector("#pw-list li")).click();
    browser.waitFor("return !document.getElementById('feature-panel').hidden"
        + " && window.jointworks.map.getZoom() === 17", 10);
  }

  @Test
  void aSignedInUserReadsAFeaturesHistoryInThePanel() {
    Http planner = Http.anonymous(port).as("planner");
    Http.Response created = planner.post("/api/communities", """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[113.95,35.35],
         [113.951,35.35],[113.951,35.351],[113.95,35.351],[113.95,35.35]]]},
         "properties":{"name":"历史测试小区","district":"weibin","households":100,
         "buildings":2,"floor_area_m2":5000}}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    Http.Response read = planner.get("/api/communities/" + id);
    Http.Response changed = planner.put("/api/communities/" + id,
        read.body().replace("\"households\":100", "\"households\":120"), read.header("ETag"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);

    browser = new Browser(port, 1280, 800);
    browser.signIn("planner");
    browser.js("window.jointworks.layers.pick('communities', arguments[0])", id);
    browser.waitFor("return !!document.getElementById('history-show')", 10);
    browser.driver().findElement(By.id("history-show")).click();
    browser.waitFor("return document.querySelectorAll('.history-list > li').length === 2", 10);
    String history = browser.text("#feature-history");
    browser.screenshot("feature-history");
    assertThat(history).contains("修改记录").contains("新建").contains("修改").contains("planner")
        .contains("户数").contains("100 → 120").doesNotContain("update").doesNotContain("households");
    // The newest first.
    assertThat(browser.text(".history-list > li:first-child")).contains("修改");
  }

  private static String details(String feature, String street, String impact, String contact) {
    return feature.replace("\"trench_width_m\":0.8", "\"trench_width_m\":0.8,\"street\":\""
        + street + "\",\"traffic_impact\":\"" + impact + "\",\"contact\":\"" + contact + "\"");
  }
}
