package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18's last screenshots, taken by tests that also check what they show: the leader's
 * programme view in English (1280 × 900) and on a phone (390 × 844), and locate-me in English on
 * a phone. Written to {@code target/screenshots} and copied to {@code docs/screenshots} (as
 * MapImportTest does), so a CI run refreshes them; without Chromium the class skips.
 */
class MapIssue18ScreenshotsTest extends SampleCityBrowserTest {
  @Test
  void theLeadersProgrammeViewInEnglish() throws Exception {
    openLeader(1280, 900, "en");
    String all = browser.text("#leader");
    assertThat(all).contains("Funds in place against the budget").doesNotContain("leader.")
        .doesNotContain("undefined").doesNotContain("预算");
    toDocs(browser.screenshot("leader-programme-en"), "leader-programme-en");
  }

  @Test
  void theLeadersProgrammeViewOnAPhoneKeepsTheMap() throws Exception {
    openLeader(390, 844, "zh-CN");
    assertThat(browser.text("#leader-programme")).contains("预算（万元）");
    long map = browser.driver().findElement(By.id("map")).getSize().getHeight();
    assertThat(map).as("the map keeps most of a phone's screen").isGreaterThanOrEqualTo(844 * 6 / 10);
    // The programme is below the map on a phone: the picture shows it, scrolled to.
    browser.js("document.querySelector('#leader-programme').scrollIntoView({block: 'start'})");
    Thread.sleep(300);
    toDocs(browser.screenshot("leader-programme-phone"), "leader-programme-phone");
  }

  @Test
  void locateMeInEnglish() throws Exception {
    browser = new Browser(port, 390, 844);
    browser.viewport(390, 844);
    browser.js("localStorage.setItem('jointworks.lang', 'en')");
    browser.cdp("Browser.setPermission", Map.<String, Object>of(
        "origin", "http://127.0.0.1:" + port, "permission", Map.of("name", "geolocation"),
        "setting", "granted"));
    browser.cdp("Emulation.setGeolocationOverride",
        Map.<String, Object>of("latitude", 35.3021, "longitude", 113.8672, "accuracy", 12));
    browser.openMap();
    browser.click(By.id("locate"), 10);
    browser.waitFor("return !!window.jointworks.located", 20);
    // The tiles at the position drawn (a street corner: maybe no community in view).
    browser.waitFor("return !window.jointworks.layers.groups.communities._loading", 30);
    assertThat(browser.text("#locate-readout")).contains("You are here").contains("12");
    Thread.sleep(1500); // the tiles at the new position settle
    toDocs(browser.screenshot("locate-en"), "locate-en");
  }

  private void openLeader(int width, int height, String lang) {
    browser = new Browser(port, width, height);
    browser.viewport(width, height);
    browser.js("localStorage.setItem('jointworks.lang', arguments[0])", lang);
    browser.signIn("leader");
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 60);
    browser.waitFor("return !document.querySelector('[data-view=leader]').hidden", 30);
    browser.click(By.cssSelector("[data-view=leader]"), 10);
    browser.waitFor("return !!document.querySelector('#leader-programme')"
        + " && !!document.querySelector('#leader-plan-filing')", 60);
  }

  private static void toDocs(Path shot, String name) throws Exception {
    Path docs = Path.of("docs", "screenshots");
    if (Files.isDirectory(docs)) {
      Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
