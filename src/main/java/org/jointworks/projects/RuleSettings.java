package org.jointworks.projects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The city's own settings behind the programme's rules, under {@code jointworks.rules}: none of
 * them is a number of the plan, and the API labels them {@code "source": "local setting"}.
 * Immutable.
 *
 * @param schemeChangeShare a change of a consented scheme's budget by more than this share of it
 *     is material: the scheme needs consent again (or, once started, the city office's approval)
 */
@ConfigurationProperties("jointworks.rules")
public record RuleSettings(@DefaultValue("0.1") double schemeChangeShare) {
  public RuleSettings {
    if (!(schemeChangeShare >= 0 && schemeChangeShare < 1)) {
      throw new IllegalArgumentException("jointworks.rules.scheme-change-share must be in [0, 1)");
    }
  }
}
