package org.jointworks.system;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user: one role and, for a utility, the organisation it acts for; for a county
 * officer or leader, the county (a district code). Immutable.
 */
public class JointWorksUser extends User {
  private final Role role;
  private final String organisation;
  private final String county;

  public JointWorksUser(String username, String passwordHash, boolean enabled, Role role,
      String organisation) {
    this(username, passwordHash, enabled, role, organisation, null);
  }

  public JointWorksUser(String username, String passwordHash, boolean enabled, Role role,
      String organisation, String county) {
    super(username, passwordHash, enabled, true, true, true,
        List.of(new SimpleGrantedAuthority(role.authority())));
    this.role = role;
    this.organisation = organisation;
    this.county = county;
  }

  /** The district code a county officer or leader acts for; null for the other roles. */
  public String county() {
    return county;
  }

  public Role role() {
    return role;
  }

  /** The organisation code a UTILITY user is bound to; null for the other roles. */
  public String organisation() {
    return organisation;
  }

  /** The user behind the current request, if one signed in. */
  public static Optional<JointWorksUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof JointWorksUser u
        ? Optional.of(u) : Optional.empty();
  }
}
