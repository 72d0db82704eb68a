package org.jointworks.system;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused because its account or its client address is throttled; the password was
 * not checked. {@link SecurityRefusals} answers it with 429 and {@code Retry-After}.
 */
public class TooManySignInsException extends AuthenticationException {
  private final long retryAfterSeconds;

  public TooManySignInsException(long retryAfterSeconds) {
    super("too many failed sign-ins; try again in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
