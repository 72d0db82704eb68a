package org.jointworks.accounts;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jointworks.system.ApiException;
import org.jointworks.system.Etags;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.jointworks.system.UserStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account endpoints: ADMIN's {@code /api/users} (list, read with ETag, create, replace with
 * {@code If-Match}), {@code /api/roles}, and everyone's {@code POST /api/me/password}.
 */
@RestController
class AccountController {
  private final AccountService service;
  private final UserStore users;
  private final HttpSessionSecurityContextRepository sessions =
      new HttpSessionSecurityContextRepository();

  AccountController(AccountService service, UserStore users) {
    this.service = service;
    this.users = users;
  }

  @GetMapping("/api/users")
  List<Account> list() {
    return service.list();
  }

  @GetMapping("/api/users/{username}")
  ResponseEntity<Account> get(@PathVariable String username) {
    Account a = service.get(username);
    return ResponseEntity.ok().eTag(Etags.of(a.version())).body(a);
  }

  @PostMapping("/api/users")
  ResponseEntity<Account> create(@RequestBody AccountRequests.NewAccount body) {
    Account a = service.create(body);
    return ResponseEntity.created(URI.create("/api/users/" + a.username()))
        .eTag(Etags.of(a.version())).body(a);
  }

  @PutMapping("/api/users/{username}")
  ResponseEntity<Account> update(@PathVariable String username,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody AccountRequests.AccountChange body) {
    if (ifMatch == null) {
      throw ApiException.of(HttpStatus.PRECONDITION_REQUIRED, "precondition.required",
          "send If-Match with the account's ETag", Map.of());
    }
    Account a = service.update(username, body, Etags.version(ifMatch));
    return ResponseEntity.ok().eTag(Etags.of(a.version())).body(a);
  }

  /** Every role with what an account of it must name, for the ADMIN page's form. */
  @GetMapping("/api/roles")
  List<Map<String, Object>> roles() {
    return Arrays.stream(Role.values()).map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", r.name());
      m.put("needsOrganisation", AccountRules.needsOrganisation(r));
      m.put("countyScoped", AccountRules.countyScoped(r));
      return m;
    }).toList();
  }

  /**
   * Changes the caller's password. A session that made the change stays signed in: its principal
   * is replaced by the account's new version (other sessions of the account end).
   */
  @PostMapping("/api/me/password")
  ResponseEntity<Void> changePassword(@RequestBody AccountRequests.PasswordChange body,
      HttpServletRequest req, HttpServletResponse res) {
    JointWorksUser me = JointWorksUser.current().orElseThrow(() -> ApiException.of(
        HttpStatus.UNAUTHORIZED, "auth.required", "sign in to do this", Map.of()));
    service.changeOwnPassword(me.getUsername(), body);
    if (req.getSession(false) != null) {
      JointWorksUser fresh = users.loadUserByUsername(me.getUsername());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
          fresh, null, fresh.getAuthorities()));
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, req, res);
    }
    return ResponseEntity.noContent().build();
  }
}
