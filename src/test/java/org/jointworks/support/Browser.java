package org.jointworks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given
 * explicitly so that Selenium Manager never tries to download a browser or a driver. Tests that
 * use it call {@link ExternalTools#assumeBrowser()} first (from {@code @BeforeAll}), so a machine
 * without Chromium skips them with a notice instead of erroring.
 */
public final class Browser implements AutoCloseable {
  public static final String CHROMIUM = ExternalTools.CHROMIUM.path();
  public static final String DRIVER = ExternalTools.CHROMEDRIVER.path();

  private final ChromeDriver driver;
  private final String base;

  public Browser(int port, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--lang=zh-CN");
    try {
      options.addArguments("--user-data-dir=" + Files.createTempDirectory("chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.base = "http://127.0.0.1:" + port;
  }

  public WebDriver driver() {
    return driver;
  }

  /** A Chrome DevTools Protocol command (e.g. geolocation or permission overrides). */
  public java.util.Map<String, Object> cdp(String command, java.util.Map<String, Object> params) {
    return driver.executeCdpCommand(command, params);
  }

  public void open(String path) {
    driver.get(base + path);
  }

  /** Opens the map page and waits until it says it is ready. */
  public void openMap() {
    open("/");
    waitFor("return document.body.dataset.ready === 'true'", 20);
  }

  public void signIn(String user) {
    open("/login.html");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.id("submit")).click();
    waitFor("return document.body.dataset.ready === 'true'", 20);
  }

  /**
   * Resizes the window so that the page itself (the viewport) is {@code width} × {@code height}:
   * {@code --window-size} sets the outer window, and headless Chromium still keeps room for its
   * (invisible) browser chrome, so screenshots would come out shorter than asked.
   */
  public void viewport(int width, int height) {
    open("/login.html");
    long innerWidth = (Long) js("return window.innerWidth");
    long innerHeight = (Long) js("return window.innerHeight");
    org.openqa.selenium.Dimension outer = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(
        (int) (outer.getWidth() + width - innerWidth), (int) (outer.getHeight() + height - innerHeight)));
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Waits until {@code script} returns true; on time-out the page's console is part of the
   * failure, so a broken script shows its own error.
   */
  public void waitFor(String script, int seconds) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(seconds))
          .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    } catch (org.openqa.selenium.TimeoutException e) {
      StringBuilder console = new StringBuilder();
      driver.manage().logs().get("browser").forEach(l -> console.append(l).append('\n'));
      throw new AssertionError("waited " + seconds + " s for: " + script + "\nconsole:\n"
          + console, e);
    }
  }

  /**
   * Clicks an element once it can take the click: a panel that re-renders (hidden, then shown
   * again) between a wait and the click would otherwise fail it on a slow machine.
   */
  public void click(org.openqa.selenium.By by, int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  /** Saves a screenshot under target/screenshots/ and returns its path. */
  public Path screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The browser's console lines that report a Content-Security-Policy violation since the last
   * call (reading the log empties it): a page that breaks its own policy fails its test.
   */
  public java.util.List<String> cspViolations() {
    java.util.List<String> found = new java.util.ArrayList<>();
    driver.manage().logs().get("browser").forEach(l -> {
      if (l.getMessage().contains("Content Security Policy")
          || l.getMessage().contains("Content-Security-Policy")) {
        found.add(l.getMessage());
      }
    });
    return found;
  }

  public String text(String cssSelector) {
    return driver.findElement(By.cssSelector(cssSelector)).getText();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
