package org.jointworks.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in throttle's settings under {@code jointworks.signin}.
 *
 * @param accountFailures failed sign-ins of one account (as typed, existing or not) before it is
 *     throttled
 * @param addressFailures failed sign-ins from one client address before it is throttled (higher:
 *     an office behind one address has many users)
 * @param firstDelay how long the first throttle lasts; each further failure doubles it
 * @param maxDelay the longest throttle
 * @param forgetAfter failures older than this (since the last one) are forgotten; at least
 *     {@code maxDelay}, so a throttle never outlives its counter
 * @param basicSuccessLogInterval a Basic client signs in with every request: its successes are
 *     logged at most once per user and address per this interval
 */
@ConfigurationProperties("jointworks.signin")
public record SignInProperties(
    @DefaultValue("5") int accountFailures,
    @DefaultValue("20") int addressFailures,
    @DefaultValue("30s") Duration firstDelay,
    @DefaultValue("15m") Duration maxDelay,
    @DefaultValue("1h") Duration forgetAfter,
    @DefaultValue("10m") Duration basicSuccessLogInterval) {

  public SignInProperties {
    if (accountFailures < 1 || addressFailures < 1) {
      throw new IllegalArgumentException("jointworks.signin.*-failures must be at least 1");
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "jointworks.signin.first-delay must be positive and at most max-delay");
    }
    if (forgetAfter.compareTo(maxDelay) < 0) {
      throw new IllegalArgumentException(
          "jointworks.signin.forget-after must be at least max-delay");
    }
  }
}
