package org.jointworks.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jointworks.support.Browser;
import org.jointworks.support.SecuredService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The account pages in a real headless Chromium, under the Content-Security-Policy: ADMIN creates
 * a user on the admin page (linked from the map); the new user is sent to change the password at
 * the first sign-in and then reaches the map. No CSP violation on the console — and the check
 * itself is shown to catch one.
 */
class AdminPageTest extends SecuredService {
  Browser browser;

  @BeforeEach
  void open() {
    boolean ci = "true".equals(System.getenv("CI"));
    Assumptions.assumeTrue(ci || Files.isExecutable(Path.of(Browser.CHROMIUM)),
        "Chromium is not installed: browser test skipped");
    browser = new Browser(port, 1280, 900);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void adminCreatesAUserWhoChangesThePasswordAtFirstSignIn() {
    browser.signIn("admin");
    browser.waitFor("return !document.getElementById('admin-link').hidden", 20);
    browser.driver().findElement(By.id("admin-link")).click();
    browser.waitFor("return document.querySelectorAll('#users-table tbody tr').length > 3"
        + " && document.querySelectorAll('#sign-ins-table tbody tr').length > 0", 20);
    assertThat(browser.text("#sign-ins-table")).contains("admin");

    browser.driver().findElement(By.id("f-username")).sendKeys("ivy");
    new Select(browser.driver().findElement(By.id("f-role"))).selectByValue("LEADER");
    browser.driver().findElement(By.id("f-password")).sendKeys("short");
    browser.driver().findElement(By.id("f-save")).click();
    browser.waitFor("return !document.getElementById('f-message').hidden", 10);
    assertThat(browser.text("#f-message")).contains("12");
    browser.driver().findElement(By.id("f-password")).clear();
    browser.driver().findElement(By.id("f-password")).sendKeys("amber-violin-harbour-9");
    browser.driver().findElement(By.id("f-save")).click();
    browser.waitFor("return [...document.querySelectorAll('#users-table tbody tr')]"
        + ".some(r => r.dataset.user === 'ivy')", 10);
    browser.screenshot("admin-accounts");
    assertThat(browser.cspViolations()).isEmpty();

    // Signing in as another user replaces the session (and needs the CSRF token it carries).
    browser.open("/login.html");
    browser.driver().findElement(By.id("username")).sendKeys("ivy");
    browser.driver().findElement(By.id("password")).sendKeys("amber-violin-harbour-9");
    browser.driver().findElement(By.id("submit")).click();
    browser.waitFor("return location.pathname === '/account.html'"
        + " && !document.getElementById('must').hidden", 20);
    browser.driver().findElement(By.id("current")).sendKeys("amber-violin-harbour-9");
    browser.driver().findElement(By.id("new")).sendKeys("copper-meadow-lantern-4");
    browser.driver().findElement(By.id("repeat")).sendKeys("copper-meadow-lantern-4");
    browser.driver().findElement(By.id("save")).click();
    browser.waitFor("return document.body.dataset.ready === 'true'", 20);
    assertThat(browser.text("#who")).contains("ivy");
    assertThat(browser.cspViolations()).isEmpty();
  }

  @Test
  void theViolationCheckCatchesAnInlineStyle() {
    browser.open("/login.html");
    browser.js("document.body.setAttribute('style', 'color: red')");
    browser.waitFor("return true", 1);
    assertThat(browser.cspViolations()).isNotEmpty();
  }
}
