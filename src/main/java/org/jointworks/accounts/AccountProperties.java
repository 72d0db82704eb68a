package org.jointworks.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account settings under {@code jointworks.accounts}.
 *
 * @param passwordMinLength the fewest characters a new password may have (ASVS 2.1.1 asks 12)
 */
@ConfigurationProperties("jointworks.accounts")
public record AccountProperties(@DefaultValue("12") int passwordMinLength) {

  public AccountProperties {
    if (passwordMinLength < 8 || passwordMinLength > 128) {
      throw new IllegalArgumentException(
          "jointworks.accounts.password-min-length must be between 8 and 128");
    }
  }
}
