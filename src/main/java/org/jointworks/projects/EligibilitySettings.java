package org.jointworks.projects;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The eligibility cut-off, under {@code jointworks.programme.eligibility}: communities built by
 * {@code builtBefore} are in scope. The national focus (国办发〔2020〕23号) is those built before the
 * end of 2000; a locality sets its own scope, and any other date is shown as a local setting.
 * Not a rule of the Xinxiang plan. Immutable.
 *
 * @param builtBefore the last day of the build period in scope (default 2000-12-31)
 * @param localScope the local document or note behind a local extension, shown with the rule
 */
@ConfigurationProperties("jointworks.programme.eligibility")
public record EligibilitySettings(@DefaultValue("2000-12-31") LocalDate builtBefore,
    String localScope) {
  /** The national policy's cut-off (国办发〔2020〕23号: 2000年底前建成). */
  public static final LocalDate NATIONAL = LocalDate.of(2000, 12, 31);
  public static final String NATIONAL_SOURCE = "国办发〔2020〕23号";

  public EligibilitySettings {
    if (builtBefore == null || builtBefore.getYear() < 1900 || builtBefore.getYear() > 2100) {
      throw new IllegalArgumentException(
          "jointworks.programme.eligibility.built-before must be a day between 1900 and 2100");
    }
    if (localScope != null && localScope.length() > 200) {
      throw new IllegalArgumentException("jointworks.programme.eligibility.local-scope: up to 200");
    }
  }

  /** Where the cut-off comes from: the national policy, or a local setting. */
  public String source() {
    return builtBefore.equals(NATIONAL) ? NATIONAL_SOURCE : "local setting";
  }
}
