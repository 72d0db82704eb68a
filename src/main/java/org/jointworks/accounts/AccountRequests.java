package org.jointworks.accounts;

/** The bodies of the account endpoints, one record each; checks live in the service. */
final class AccountRequests {
  private AccountRequests() {}

  /**
   * {@code POST /api/users}. {@code mustChangePassword} defaults to true: the ADMIN chose the
   * first password, the user chooses the next.
   */
  record NewAccount(String username, String password, String role, String organisation,
      String county, Boolean mustChangePassword) {}

  /**
   * {@code PUT /api/users/{username}}: the whole account but its name; {@code password}, when
   * given, resets it (and the user must change it again unless told otherwise).
   */
  record AccountChange(String role, String organisation, String county, Boolean enabled,
      Boolean mustChangePassword, String password) {}

  /** {@code POST /api/me/password}. */
  record PasswordChange(String currentPassword, String newPassword) {}
}
