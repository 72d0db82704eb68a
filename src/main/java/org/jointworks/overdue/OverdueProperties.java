package org.jointworks.overdue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.notifications.overdue}. Immutable.
 *
 * @param enabled whether the job runs on its schedule ({@code POST
 *     /api/notifications/overdue/run} runs it on demand either way)
 * @param interval the pause between two runs
 * @param initialDelay the pause after start before the first run
 */
@ConfigurationProperties("jointworks.notifications.overdue")
public record OverdueProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1h") Duration interval,
    @DefaultValue("2m") Duration initialDelay) {
  public OverdueProperties {
    if (interval.isNegative() || interval.isZero() || initialDelay.isNegative()) {
      throw new IllegalArgumentException(
          "jointworks.notifications.overdue.interval must be > 0, initial-delay >= 0");
    }
  }
}
