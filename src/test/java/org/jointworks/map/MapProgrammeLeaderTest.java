package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 12 on the leader's dashboard, in headless Chromium on the sample city: the 完整社区
 * pilots, funds in place against the budget per county, the eligibility exceptions, the 02-25
 * filing beside the overdue list and a selected project's scheme approval, with names (never
 * codes or message keys) in Chinese.
 */
class MapProgrammeLeaderTest extends SampleCityBrowserTest {
  @Test
  void theLeaderSeesThePilotsFundsExceptionsFilingAndSchemeApproval() {
    browser = new Browser(port, 1280, 900);
    browser.viewport(1280, 900);
    browser.signIn("leader");
    browser.waitFor("return window.jointworks.layers.drawn('communities') > 0", 60);
    browser.waitFor("return !document.querySelector('[data-view=leader]').hidden", 30);
    browser.driver().findElement(By.cssSelector("[data-view=leader]")).click();
    browser.waitFor("return !!document.querySelector('#leader-programme')"
        + " && !!document.querySelector('#leader-plan-filing')", 60);

    // The sample designates two pilots, in Weibin and Hongqi.
    assertThat(browser.text("#leader-pilots")).contains("完整社区试点：2个").contains("卫滨区")
        .contains("红旗区");
    // Funds: one row per county with projects, named, budget beside the funds in place.
    Number counties = (Number) browser.js("return fetch('/api/progress/funding', {headers:"
        + " {'X-Requested-With': 'XMLHttpRequest'}}).then(r => r.json())"
        + ".then(f => f.counties.length)");
    List<WebElement> funds = browser.driver().findElements(By.cssSelector("#leader-funds tbody tr"));
    assertThat((long) funds.size()).isEqualTo(counties.longValue()).isGreaterThan(0);
    for (WebElement row : funds) {
      String county = row.findElements(By.tagName("td")).get(0).getText();
      assertThat(county).matches("\\p{IsHan}+(区|县|市)");
    }
    assertThat(browser.text("#leader-programme")).contains("预算（万元）").contains("已到位（万元）")
        .contains("改造范围例外");
    assertThat(browser.text("#leader-exceptions")).isNotBlank();
    // The 02-25 filing: Fengqiu filed two days late in the sample.
    assertThat(browser.text("#leader-plan-filing")).contains("年度实施方案报市百城办备案")
        .contains("封丘县逾期2天备案").doesNotContain("fengqiu");
    // The ranking's method names the filing's share within reporting, a local setting.
    assertThat(browser.text("#leader-method")).contains("年度实施方案备案占20%");
    // A selected project shows its scheme approval.
    browser.driver().findElement(By.cssSelector("#leader-overdue tbody tr")).click();
    browser.waitFor("return !!document.querySelector('#leader-project [data-field=scheme]')", 30);
    String panel = browser.text("#leader-project");
    assertThat(panel).contains("方案审批").contains("改造范围");
    assertThat(panel).matches("(?s).*(批准|尚未批准).*");
    String all = browser.text("#leader");
    assertThat(all).doesNotContain("leader.").doesNotContain("undefined");
    browser.screenshot("programme-leader");
  }
}
