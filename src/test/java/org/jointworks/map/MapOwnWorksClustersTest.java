package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18 walkthrough: with a utility's "only own" filter on, the works clusters of the opening
 * view vanished (a cluster has no owner). Now each cluster says how many of its works are each
 * owner's, and the filter shows the clusters that hold the utility's own works, counting those.
 */
class MapOwnWorksClustersTest extends SampleCityBrowserTest {
  /** The utility's own works in the clusters and single marks now on screen. */
  private static final String OWN_NOW = "const l = window.jointworks.layers;"
      + " return l.clusters('works').reduce((n, c) => n + c.count, 0)"
      + " + l.features('works').filter(f => l.styleFor('works', f.properties)).length";

  @Test
  void onlyOwnKeepsTheClustersThatHoldTheUtilitysWorksAndCountsThoseOnly() {
    browser = new Browser(port, 1280, 800);
    browser.signIn("gas");
    browser.waitFor("return window.jointworks.layers.clusters('works').length > 0", 30);
    // Before the filter: the gas works the clusters and single marks hold, read once the tiles
    // have stopped arriving (two equal readings a second apart): tiles still loading gave a
    // smaller count than the filtered view read later.
    String gasInTiles = "const l = window.jointworks.layers;"
        + " let n = 0; for (const t of Object.values(l.groups.works._vectorTiles || {}))"
        + " for (const {feature} of Object.values(t._features || {}))"
        + " n += feature.properties.cluster ? (feature.properties.owner_gas || 0)"
        + " : (feature.properties.owner === 'gas' ? 1 : 0); return n;";
    browser.waitFor("const read = () => { " + gasInTiles.replace("return n;", "return n; };")
        + " const n = read(); const s = window.__stable || {n: -1, since: 0};"
        + " if (n !== s.n) { window.__stable = {n, since: Date.now()}; return false; }"
        + " return n > 0 && Date.now() - s.since >= 1000;", 30);
    long expected = (Long) browser.js(gasInTiles);
    long clustersBefore = (Long) browser.js(
        "return window.jointworks.layers.clusters('works').length");
    assertThat(expected).as("gas works at the opening zoom").isPositive();
    browser.waitFor("return !document.querySelector('[data-view=utility]').hidden", 30);
    browser.driver().findElement(By.cssSelector("[data-view=utility]")).click();
    browser.waitFor("return !!document.getElementById('only-own')", 30);
    browser.driver().findElement(By.id("only-own")).click();
    browser.waitFor("return window.jointworks.layers.clusters('works').length > 0", 30);
    browser.waitFor(OWN_NOW.replace("return ", "return (") + ") === " + expected, 30);
    browser.screenshot("only-own-clusters");
    assertThat((Long) browser.js(OWN_NOW)).isEqualTo(expected);
    assertThat((Long) browser.js("return window.jointworks.layers.clusters('works').length"))
        .isLessThanOrEqualTo(clustersBefore);
    // Each cluster still drawn has a style (a disc) and a count of gas works only.
    assertThat((Boolean) browser.js("const l = window.jointworks.layers;"
        + " return Object.values(l.groups.works._vectorTiles || {}).every(t =>"
        + " Object.values(t._features || {}).every(({feature}) => !feature.properties.cluster"
        + " || (!!l.styleFor('works', feature.properties)) === (feature.properties.owner_gas > 0)))"))
        .isTrue();
    // Off again: every cluster back with its full count.
    browser.driver().findElement(By.id("only-own")).click();
    browser.waitFor("return window.jointworks.layers.clusters('works').length === "
        + clustersBefore, 30);
  }
}
