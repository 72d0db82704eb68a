package org.jointworks.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jointworks.system.ApiException;
import org.jointworks.system.Role;
import org.springframework.http.HttpStatus;

/**
 * What an account must hold for its role, in one place, for every {@link Role} value including
 * roles added later:
 * <ul>
 *   <li>a UTILITY user acts for one utility organisation ({@code account.organisation_required});
 *       other roles may name an organisation (a road authority's, for example) or none;</li>
 *   <li>a county-scoped role — by the programme's naming, a role whose name begins with
 *       {@code COUNTY_} — acts for one county, stored as a district code
 *       ({@code account.county_required}); other roles have none
 *       ({@code account.county_not_allowed});</li>
 *   <li>user names are 2–64 letters, digits, {@code _ . -} ({@code account.username}).</li>
 * </ul>
 * Stateless.
 */
final class AccountRules {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,64}");

  private AccountRules() {}

  static boolean needsOrganisation(Role role) {
    return role == Role.UTILITY;
  }

  static boolean countyScoped(Role role) {
    return role.name().startsWith("COUNTY_");
  }

  static Role role(String name) {
    if (name != null) {
      for (Role r : Role.values()) {
        if (r.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
          return r;
        }
      }
    }
    List<String> allowed = Arrays.stream(Role.values()).map(Role::name).toList();
    throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "account.role_unknown",
        "role must be one of " + allowed, Map.of("allowed", allowed));
  }

  static void checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "account.username",
          "a user name has 2 to 64 letters, digits, '_', '.' or '-'", Map.of());
    }
  }

  /** Checks the organisation and county against the role; existence is the service's check. */
  static void checkScope(Role role, String organisation, String county) {
    if (needsOrganisation(role) && (organisation == null || organisation.isBlank())) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "account.organisation_required",
          "a " + role + " user needs an organisation", Map.of("role", role.name()));
    }
    if (countyScoped(role) && (county == null || county.isBlank())) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "account.county_required",
          "a " + role + " user needs a county (a district code)", Map.of("role", role.name()));
    }
    if (!countyScoped(role) && county != null && !county.isBlank()) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "account.county_not_allowed",
          "only county-scoped roles have a county", Map.of("role", role.name()));
    }
  }
}
