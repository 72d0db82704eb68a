package org.jointworks.projects;

import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.http.HttpStatus;

/**
 * Which county a signed-in user may write for: a county officer or leader only its own; ADMIN
 * and the city office (where the endpoint rules let them in) any. The endpoint rules say which
 * roles reach an endpoint; this says for which county. Stateless.
 */
public final class CountyScope {
  private CountyScope() {}

  /** Refuses (403 {@code programme.other_county}) a county user acting for another county. */
  public static void check(String district) {
    JointWorksUser user = JointWorksUser.current().orElse(null);
    if (user == null || !user.role().countyScoped()) {
      return;
    }
    if (!user.county().equals(district)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "programme.other_county",
          user.getUsername() + " acts for " + user.county() + " and may not write for "
              + district, Map.of("county", user.county(), "district", district));
    }
  }

  /** Whether the current user has {@code role}. */
  public static boolean is(Role role) {
    return JointWorksUser.current().map(u -> u.role() == role).orElse(false);
  }
}
