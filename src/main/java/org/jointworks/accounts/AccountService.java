package org.jointworks.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.Role;
import org.jointworks.system.UserStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account use cases. Each runs in one transaction with its audit record ({@code app_users},
 * before and after, never a hash); each change moves the account's version, which ends the
 * account's live sessions at their next request ({@code system/LiveAccountCheck}) — after
 * commit, this instance forgets its cached state of the account at once. Passwords are hashed
 * with the service's encoder (bcrypt). Thread-safe.
 */
@Service
class AccountService {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final AccountRepository accounts;
  private final PasswordPolicy policy;
  private final PasswordEncoder encoder;
  private final Audit audit;
  private final UserStore users;

  AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder,
      Audit audit, UserStore users) {
    this.accounts = accounts;
    this.policy = policy;
    this.encoder = encoder;
    this.audit = audit;
    this.users = users;
  }

  @Transactional(readOnly = true)
  List<Account> list() {
    return accounts.list();
  }

  @Transactional(readOnly = true)
  Account get(String username) {
    return accounts.find(username).orElseThrow(() -> ApiException.notFound("user"));
  }

  @Transactional
  Account create(AccountRequests.NewAccount req) {
    AccountRules.checkUsername(req.username());
    Role role = AccountRules.role(req.role());
    String organisation = blankToNull(req.organisation());
    String county = blankToNull(req.county());
    checkScope(role, organisation, county);
    policy.check(req.username(), req.password());
    if (accounts.find(req.username()).isPresent()) {
      throw ApiException.of(HttpStatus.CONFLICT, "account.exists",
          "a user named '" + req.username() + "' exists", Map.of("username", req.username()));
    }
    Account created = new Account(req.username(), role.name(), organisation, county, true,
        req.mustChangePassword() == null || req.mustChangePassword(), 0,
        AccountRepository.now());
    accounts.insert(created, encoder.encode(req.password()));
    audit.record("create", "app_users", null, null, json(created, false));
    return get(req.username());
  }

  @Transactional
  Account update(String username, AccountRequests.AccountChange req, long expectedVersion) {
    Account before = get(username);
    if (before.version() != expectedVersion) {
      throw ApiException.of(HttpStatus.PRECONDITION_FAILED, "precondition.failed",
          "the account changed since you read it", Map.of("version", before.version()));
    }
    Role role = AccountRules.role(req.role());
    String organisation = blankToNull(req.organisation());
    String county = blankToNull(req.county());
    checkScope(role, organisation, county);
    boolean enabled = req.enabled() == null || req.enabled();
    if (Role.ADMIN.name().equals(before.role()) && (!enabled || role != Role.ADMIN)
        && accounts.countEnabledAdminsOtherThan(username) == 0) {
      throw ApiException.of(HttpStatus.CONFLICT, "account.last_admin",
          "the last enabled ADMIN cannot be disabled or given another role", Map.of());
    }
    String hash = null;
    if (req.password() != null) {
      policy.check(username, req.password());
      hash = encoder.encode(req.password());
    }
    boolean mustChange = req.mustChangePassword() != null ? req.mustChangePassword()
        : req.password() != null || before.mustChangePassword();
    Account after = new Account(username, role.name(), organisation, county, enabled,
        mustChange, before.version() + 1, AccountRepository.now());
    if (!accounts.update(after, expectedVersion, hash)) {
      throw ApiException.of(HttpStatus.PRECONDITION_FAILED, "precondition.failed",
          "the account changed since you read it", Map.of());
    }
    audit.record(enabled ? "update" : "disable", "app_users", null, json(before, false),
        json(after, hash != null));
    forgetAfterCommit(username);
    return get(username);
  }

  /** The signed-in user's own change: the current password proves it is them. */
  @Transactional
  Account changeOwnPassword(String username, AccountRequests.PasswordChange req) {
    String hash = accounts.passwordHashForUpdate(username)
        .orElseThrow(() -> ApiException.notFound("user"));
    if (req.currentPassword() == null || !encoder.matches(req.currentPassword(), hash)) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "password.current_wrong",
          "the current password is wrong", Map.of());
    }
    if (req.currentPassword().equals(req.newPassword())) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "password.unchanged",
          "the new password must differ from the current one", Map.of());
    }
    policy.check(username, req.newPassword());
    Account before = get(username);
    Account after = new Account(username, before.role(), before.organisation(), before.county(),
        before.enabled(), false, before.version() + 1, AccountRepository.now());
    if (!accounts.update(after, before.version(), encoder.encode(req.newPassword()))) {
      throw ApiException.of(HttpStatus.CONFLICT, "conflict",
          "the account changed meanwhile; try again", Map.of());
    }
    audit.record("password", "app_users", null, json(before, false), json(after, true));
    forgetAfterCommit(username);
    return get(username);
  }

  private void checkScope(Role role, String organisation, String county) {
    AccountRules.checkScope(role, organisation, county);
    if (organisation != null && !accounts.organisationExists(organisation)) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "account.organisation_unknown",
          "no organisation '" + organisation + "'", Map.of("organisation", organisation));
    }
    if (county != null && !accounts.districtExists(county)) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "account.county_unknown",
          "no district '" + county + "'", Map.of("county", county));
    }
  }

  private void forgetAfterCommit(String username) {
    users.forget(username);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        users.forget(username);
      }
    });
  }

  private static String json(Account a, boolean passwordChanged) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", a.username());
    m.put("role", a.role());
    m.put("organisation", a.organisation());
    m.put("county", a.county());
    m.put("enabled", a.enabled());
    m.put("mustChangePassword", a.mustChangePassword());
    m.put("version", a.version());
    if (passwordChanged) {
      m.put("passwordChanged", true);
    }
    return JSON.writeValueAsString(m);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
