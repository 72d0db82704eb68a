package org.jointworks.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The programs some tests drive from outside the JVM — Debian's Chromium and chromedriver
 * (browser tests), GDAL's ogr2ogr (OGC API client tests), poppler's pdftoppm (the printable
 * report) — and the one rule for when they are missing: on a developer's machine the test is
 * skipped with a notice naming the missing program and the Debian package to install, so the
 * README's {@code ./mvnw verify} passes on a fresh machine; under {@code CI=true} the test runs
 * anyway and fails loudly, because CI installs them all ({@code .ci/run}) and a silently skipped
 * suite there would hide a regression.
 *
 * <p>Each path can be overridden with a system property ({@code -Djointworks.chromium=…}) or an
 * environment variable ({@code JOINTWORKS_CHROMIUM=…}); pointing one at a path that does not
 * exist is how the skip is tested without uninstalling anything. Classes declare their needs
 * with {@link NeedsTools} (skipped before a Spring context starts); a single test calls
 * {@link #assume}. Stateless apart from the set of
 * notices already printed; thread-safe.
 */
public enum ExternalTools {
  CHROMIUM("chromium", "/usr/bin/chromium", "chromium"),
  CHROMEDRIVER("chromedriver", "/usr/bin/chromedriver", "chromium-driver"),
  OGR2OGR("ogr2ogr", "/usr/bin/ogr2ogr", "gdal-bin"),
  PDFTOPPM("pdftoppm", "/usr/bin/pdftoppm", "poppler-utils"),
  PDFTOTEXT("pdftotext", "/usr/bin/pdftotext", "poppler-utils");

  private static final Set<String> NOTICES = ConcurrentHashMap.newKeySet();
  private final String key;
  private final String defaultPath;
  private final String debianPackage;

  ExternalTools(String key, String defaultPath, String debianPackage) {
    this.key = key;
    this.defaultPath = defaultPath;
    this.debianPackage = debianPackage;
  }

  /** The program's path: system property, then environment variable, then Debian's path. */
  public String path() {
    String property = System.getProperty("jointworks." + key);
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("JOINTWORKS_" + key.toUpperCase(Locale.ROOT));
    return env != null && !env.isBlank() ? env : defaultPath;
  }

  public boolean installed() {
    return Files.isExecutable(Path.of(path()));
  }

  /** Why a test needing this tool is skipped, and how to make it run. */
  String notice() {
    return key + " not found at " + path() + ": skipping the tests that need it (install"
        + " Debian's " + debianPackage + ", or set -Djointworks." + key + "=<path>; under CI=true"
        + " they run and fail instead)";
  }

  /** True under {@code CI=true}: there every external tool must be present and every test runs. */
  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getProperty("jointworks.ci"));
  }

  /**
   * Skips the calling test (or class, from {@code @BeforeAll}) unless every tool is installed or
   * this is CI; prints the notice once per missing tool so the build log says what was skipped.
   */
  public static void assume(ExternalTools... tools) {
    if (ci()) {
      return;
    }
    for (ExternalTools tool : tools) {
      if (!tool.installed()) {
        String notice = tool.notice();
        if (NOTICES.add(tool.key)) {
          System.err.println("NOTICE " + notice);
        }
        assumeTrue(false, notice);
      }
    }
  }

}
