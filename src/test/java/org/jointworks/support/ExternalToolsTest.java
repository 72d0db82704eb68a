package org.jointworks.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * The fresh-machine rule of issue 18: with Chromium "missing" (its path pointed elsewhere by the
 * system property, nothing uninstalled) browser tests are skipped with a notice naming the
 * package to install, except under CI, where they run.
 */
class ExternalToolsTest {
  @AfterEach
  void restore() {
    System.clearProperty("jointworks.chromium");
    System.clearProperty("jointworks.ci");
  }

  @Test
  void aMissingChromiumSkipsWithANoticeOutsideCi() {
    System.setProperty("jointworks.chromium", "/nonexistent/chromium");
    assertThat(ExternalTools.CHROMIUM.installed()).isFalse();
    ConditionEvaluationResult result = NeedsTools.Condition.missing(
        new ExternalTools[] {ExternalTools.CHROMIUM});
    if (ExternalTools.ci()) {
      assertThat(result.isDisabled()).isFalse();
    } else {
      assertThat(result.isDisabled()).isTrue();
      assertThat(result.getReason()).get().asString().contains("/nonexistent/chromium")
          .contains("chromium").contains("CI=true");
    }
  }

  @Test
  void underCiTheTestRunsEvenWhenChromiumIsMissing() {
    System.setProperty("jointworks.chromium", "/nonexistent/chromium");
    System.setProperty("jointworks.ci", "true");
    assertThat(NeedsTools.Condition.missing(new ExternalTools[] {ExternalTools.CHROMIUM})
        .isDisabled()).isFalse();
  }
}
