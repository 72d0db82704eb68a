package org.jointworks.system;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user: one role and, for a utility, the organisation it acts for; for a county-scoped
 * role, the county (a district code). {@code version} is the account's version when it signed
 * in: a session whose version is older than the stored one (disabled, role or password changed)
 * is ended by {@link LiveAccountCheck}. Immutable.
 */
public class JointWorksUser extends User {
  private final Role role;
  private final String organisation;
  private final String county;
  private final long version;
  private final boolean mustChangePassword;

  public JointWorksUser(String username, String passwordHash, boolean enabled, Role role,
      String organisation) {
    this(username, passwordHash, enabled, role, organisation, null, 0, false);
  }

  public JointWorksUser(String username, String passwordHash, boolean enabled, Role role,
      String organisation, String county) {
    this(username, passwordHash, enabled, role, organisation, county, 0, false);
  }

  public JointWorksUser(String username, String passwordHash, boolean enabled, Role role,
      String organisation, String county, long version, boolean mustChangePassword) {
    super(username, passwordHash, enabled, true, true, true,
        List.of(new SimpleGrantedAuthority(role.authority())));
    this.role = role;
    this.organisation = organisation;
    this.county = county;
    this.version = version;
    this.mustChangePassword = mustChangePassword;
  }

  public Role role() {
    return role;
  }

  /** The organisation code a UTILITY user is bound to; null for the other roles. */
  public String organisation() {
    return organisation;
  }

  /** The district code a county-scoped user acts for; null when the role has no county. */
  public String county() {
    return county;
  }

  /** The account's version when this principal was loaded. */
  public long version() {
    return version;
  }

  /** The user must choose a new password before doing anything else. */
  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  /** The user behind the current request, if one signed in. */
  public static Optional<JointWorksUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof JointWorksUser u
        ? Optional.of(u) : Optional.empty();
  }
}
