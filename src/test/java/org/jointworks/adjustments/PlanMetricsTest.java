package org.jointworks.adjustments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule "not lower in any", metric by metric, robust to floating-point noise. */
class PlanMetricsTest {
  @Test
  void equalIsNotLowerEvenWithFloatNoise() {
    var original = new PlanMetrics(2, 6, 150, 0.1 + 0.2, 300);
    var after = new PlanMetrics(2, 6, 150, 0.3, 300);
    assertThat(PlanMetrics.compare(original, original, after))
        .allMatch(PlanMetrics.Comparison::holds);
  }

  @Test
  void eachLowerMetricIsNamed() {
    var original = new PlanMetrics(2, 6, 150, 24001, 2_000_000);
    var after = new PlanMetrics(2, 7, 149, 24001, 1_999_999.99);
    assertThat(PlanMetrics.compare(original, original, after).stream()
        .filter(c -> !c.holds()).map(PlanMetrics.Comparison::metric))
        .containsExactly("households", "investmentYuan");
  }
}
