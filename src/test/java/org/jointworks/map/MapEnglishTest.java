package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18 walkthrough leftovers in Chromium on the sample city: the county names follow the
 * page's language, and the leader's panel in English fits its width (no horizontal scrollbar).
 */
class MapEnglishTest extends SampleCityBrowserTest {
  @Test
  @SuppressWarnings("unchecked")
  void countyNamesFollowThePagesLanguage() {
    browser = new Browser(port, 1280, 800);
    browser.openMap();
    browser.waitFor("return document.querySelectorAll('.county-name').length >= 13", 30);
    assertThat(label("weibin")).startsWith("卫滨区");
    browser.driver().findElement(By.id("lang")).click();
    browser.waitFor("return document.documentElement.lang === 'en'", 10);
    browser.waitFor("return document.querySelector('.county-name[data-county=weibin]')"
        + ".textContent.startsWith('Weibin District')", 10);
    Map<String, String> names = (Map<String, String>) browser.js("const m = {};"
        + " document.querySelectorAll('.county-name').forEach(l => m[l.dataset.county] ="
        + " l.textContent); return m;");
    assertThat(names).hasSize(13);
    assertThat(names.get("changyuan")).startsWith("Changyuan City");
    assertThat(names.get("xinxiang_county")).startsWith("Xinxiang County");
    assertThat(names.get("gaoxin")).startsWith("High-tech Zone").contains("approximate");
    assertThat(String.join(" ", names.values())).doesNotContainPattern("\\p{IsHan}");
    browser.screenshot("counties-en");
    // And back: Chinese names again.
    browser.driver().findElement(By.id("lang")).click();
    browser.waitFor("return document.querySelector('.county-name[data-county=changyuan]')"
        + ".textContent.startsWith('长垣市')", 10);
  }

  @Test
  void theLeadersPanelInEnglishHasNoHorizontalScrollbar() {
    browser = new Browser(port, 1280, 800);
    browser.viewport(1280, 800);
    browser.open("/login.html");
    browser.js("localStorage.setItem('jointworks.lang', 'en')");
    browser.signIn("leader");
    browser.waitFor("return document.documentElement.lang === 'en'", 10);
    browser.waitFor("return !document.querySelector('[data-view=leader]').hidden", 30);
    browser.driver().findElement(By.cssSelector("[data-view=leader]")).click();
    browser.waitFor("return document.querySelectorAll('#leader-counties tbody tr').length === 11"
        + " && document.querySelectorAll('#leader-overdue tbody tr').length > 0", 60);
    browser.screenshot("leader-en");
    long scroll = (Long) browser.js("return document.getElementById('panel').scrollWidth");
    long client = (Long) browser.js("return document.getElementById('panel').clientWidth");
    Object wide = browser.js("const p = document.getElementById('panel');"
        + " const r = p.getBoundingClientRect().left + p.clientWidth;"
        + " return [...p.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > r)"
        + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
        + " + Math.round(e.getBoundingClientRect().right - r)"
        + " + ' ' + (e.textContent || '').slice(0, 40))");
    assertThat(scroll).as("panel scrollWidth against clientWidth %d; too wide: %s", client, wide)
        .isLessThanOrEqualTo(client);
  }

  private String label(String code) {
    return (String) browser.js("return document.querySelector('.county-name[data-county="
        + code + "]').textContent");
  }
}
