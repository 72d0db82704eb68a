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
 * @param fundsBeforeStart whether a start needs funds in place (开工资金到位) unless the city
 *     switched the rule for the year ({@code PUT /api/programme/rules/funds-before-start}); the
 *     plan asks counties to secure the money (三(三)) but names no amount or evidence, so the
 *     check is the city's choice, off unless it turns it on
 * @param fundsInPlaceShare the share of the budget that must be in place by the start day when
 *     the rule is on
 */
@ConfigurationProperties("jointworks.rules")
public record RuleSettings(@DefaultValue("0.1") double schemeChangeShare,
    @DefaultValue("false") boolean fundsBeforeStart,
    @DefaultValue("1.0") double fundsInPlaceShare) {
  public RuleSettings {
    if (!(schemeChangeShare >= 0 && schemeChangeShare < 1)) {
      throw new IllegalArgumentException("jointworks.rules.scheme-change-share must be in [0, 1)");
    }
    if (!(fundsInPlaceShare > 0 && fundsInPlaceShare <= 1)) {
      throw new IllegalArgumentException("jointworks.rules.funds-in-place-share must be in (0, 1]");
    }
  }
}
