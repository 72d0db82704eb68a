package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

/**
 * Locate me on a phone (issue 18): Chromium's own geolocation, overridden through the DevTools
 * protocol, puts the map on the device's position; a refused permission says so in the user's
 * language; and no request to the service ever carries the position.
 */
class LocateMeTest extends SampleCityBrowserTest {
  /** A street corner in 卫滨区, far from where the map opens at city zoom. */
  private static final double LAT = 35.3021;
  private static final double LON = 113.8672;
  private void openPhone(boolean allowed) {
    browser = new Browser(port, 390, 844);
    browser.viewport(390, 844);
    String origin = "http://127.0.0.1:" + port;
    browser.cdp("Browser.setPermission", Map.<String, Object>of(
        "origin", origin, "permission", Map.of("name", "geolocation"),
        "setting", allowed ? "granted" : "denied"));
    browser.cdp("Emulation.setGeolocationOverride",
        Map.<String, Object>of("latitude", LAT, "longitude", LON, "accuracy", 12));
    browser.openMap();
  }

  @Test
  void theMapMovesToThePhonesPositionAndTheServiceNeverHearsIt() {
    openPhone(true);
    assertThat((Long) browser.js("return window.jointworks.map.getZoom()")).isLessThan(17L);
    browser.click(By.id("locate"), 10);
    browser.waitFor("return !!window.jointworks.located", 20);
    assertThat((Long) browser.js("return window.jointworks.map.getZoom()")).isGreaterThanOrEqualTo(17L);
    double lat = ((Number) browser.js("return window.jointworks.map.getCenter().lat")).doubleValue();
    double lon = ((Number) browser.js("return window.jointworks.map.getCenter().lng")).doubleValue();
    assertThat(lat).isCloseTo(LAT, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(lon).isCloseTo(LON, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(browser.text("#locate-readout")).contains("12");
    // Every URL the page asked for after the fix (tiles, layers) is free of the coordinates.
    @SuppressWarnings("unchecked")
    List<String> urls = (List<String>) browser.js("return performance.getEntriesByType('resource')"
        + ".map(e => e.name)");
    assertThat(urls).isNotEmpty().noneMatch(u -> u.contains("35.3021") || u.contains("113.8672"));
    browser.screenshot("locate-phone");
  }

  @Test
  void aBlockedPermissionIsExplainedInChinese() {
    openPhone(false);
    browser.click(By.id("locate"), 10);
    browser.waitFor("return document.getElementById('locate-readout').textContent.includes('权限')", 20);
    assertThat(browser.js("return window.jointworks.located || null")).isNull();
    List<LogEntry> errors = browser.driver().manage().logs().get("browser").getAll().stream()
        .filter(l -> l.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        // The anonymous map's /api/me probe answers 401 by design; anything else is a fault.
        .filter(l -> !l.getMessage().contains("/api/me ")).toList();
    assertThat(errors).isEmpty();
  }
}
