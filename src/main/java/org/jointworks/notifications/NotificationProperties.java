package org.jointworks.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.notifications}. Immutable.
 *
 * @param maxStreamsPerUser open event streams one user may hold (tabs, devices); a further one
 *     closes that user's oldest, so a reloading page cannot pile up connections
 * @param streamTimeout how long a stream stays open before the browser reconnects
 * @param maxListed the most messages one inbox request answers
 */
@ConfigurationProperties("jointworks.notifications")
public record NotificationProperties(
    @DefaultValue("3") int maxStreamsPerUser,
    @DefaultValue("30m") Duration streamTimeout,
    @DefaultValue("200") int maxListed) {
  public NotificationProperties {
    if (maxStreamsPerUser < 1 || maxStreamsPerUser > 20) {
      throw new IllegalArgumentException(
          "jointworks.notifications.max-streams-per-user must be 1..20");
    }
    if (streamTimeout.isNegative() || streamTimeout.isZero()) {
      throw new IllegalArgumentException("jointworks.notifications.stream-timeout must be > 0");
    }
    if (maxListed < 1 || maxListed > 10_000) {
      throw new IllegalArgumentException("jointworks.notifications.max-listed must be 1..10000");
    }
  }
}
