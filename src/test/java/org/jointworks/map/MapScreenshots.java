package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jointworks.support.Browser;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's screenshots: each role's main view on the sample city in Chinese and English at
 * 1280 × 800 and on a phone (390 × 844, where the map keeps at least 60 % of the screen), written
 * to {@code docs/screenshots/<role>[-en|-phone].png}. A harness, not a test of behaviour (the
 * behaviour is in MapViewsTest, MapDefectsTest, MapWholeCityTest); run with
 * {@code ./mvnw -Pbench test -Dtest=MapScreenshots}, then look at each picture.
 */
@Tag("benchmark")
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapScreenshots {
  private static final Path OUT = Path.of("docs", "screenshots");
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @Test
  void eachRolesMainViewInBothLanguagesAndOnAPhone() throws Exception {
    String[][] roles = {{"public", null, "map"}, {"planner", "planner", "planner"},
        {"utility", "gas", "utility"}, {"leader", "leader", "leader"}};
    for (String[] role : roles) {
      shoot(role[0], role[1], role[2], "zh-CN", 1280, 800, "");
      shoot(role[0], role[1], role[2], "en", 1280, 800, "-en");
      shoot(role[0], role[1], role[2], "zh-CN", 390, 844, "-phone");
    }
  }

  private void shoot(String name, String user, String view, String lang, int width, int height,
      String suffix) throws Exception {
    try (Browser browser = new Browser(port, width, height)) {
      browser.viewport(width, height);
      browser.js("localStorage.setItem('jointworks.lang', arguments[0])", lang);
      if (user == null) {
        browser.openMap();
      } else {
        browser.signIn(user);
      }
      browser.waitFor("return document.querySelectorAll('.county-name').length >= 12"
          + " && window.jointworks.layers.drawn('communities') > 0", 60);
      if (!view.equals("map")) {
        browser.waitFor("return !document.querySelector('[data-view=" + view + "]').hidden", 30);
        browser.driver().findElement(By.cssSelector("[data-view=" + view + "]")).click();
        browser.waitFor("return document.getElementById('view-panel').children.length > 0", 60);
      }
      Thread.sleep(2500); // tiles, counts and charts settle
      if (height > width) {
        long map = browser.driver().findElement(By.id("map")).getSize().getHeight();
        assertThat(map).as(name + " phone map height").isGreaterThanOrEqualTo((long) (height * 0.6));
      }
      Path shot = browser.screenshot("readme-" + name + suffix);
      Files.createDirectories(OUT);
      Files.copy(shot, OUT.resolve(name + suffix + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
