package org.jointworks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A browser test of the map on the sample city in the embedded store: the service on a random
 * port, a fresh sample city per test class, the test's {@link #browser} closed after each test,
 * and the page's console checked for CSP violations (a script or style the policy blocked is a
 * defect the user would not see). A subclass opens {@code browser} itself, at the size it needs.
 *
 * <p>Each subclass gets its own service: the property source is declared here once, so without
 * {@link DirtiesContext} Spring would hand every subclass the same cached context, and a test
 * that imports or edits would change the city the next class sees.
 */
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class SampleCityBrowserTest {
  @LocalServerPort
  protected int port;
  protected Browser browser;

  @DynamicPropertySource
  static void sampleCity(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @AfterEach
  void closeBrowser() {
    List<String> violations = browser == null ? List.of() : browser.cspViolations();
    if (browser != null) {
      browser.close();
      browser = null;
    }
    assertThat(violations).as("CSP violations on the console").isEmpty();
  }
}
