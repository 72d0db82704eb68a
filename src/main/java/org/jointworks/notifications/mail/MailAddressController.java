package org.jointworks.notifications.mail;

import java.util.HashMap;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksUser;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's e-mail address: {@code GET|PUT /api/me/email} for oneself, {@code GET|PUT
 * /api/users/{username}/email} for ADMIN. Each change is audited ({@code email}, subject
 * {@code users}, the username and the old and new address).
 */
@RestController
class MailAddressController {
  private final MailAddresses addresses;
  private final Audit audit;

  MailAddressController(MailAddresses addresses, Audit audit) {
    this.addresses = addresses;
    this.audit = audit;
  }

  /** The body of a PUT: the address, or null to remove it. */
  record Address(String email) {}

  @GetMapping("/api/me/email")
  Map<String, Object> mine() {
    return view(addresses.get(me()));
  }

  @PutMapping("/api/me/email")
  @Transactional
  Map<String, Object> setMine(@RequestBody Address body) {
    return set(me(), body);
  }

  @GetMapping("/api/users/{username}/email")
  Map<String, Object> of(@PathVariable String username) {
    return view(addresses.get(username));
  }

  @PutMapping("/api/users/{username}/email")
  @Transactional
  Map<String, Object> setOf(@PathVariable String username, @RequestBody Address body) {
    return set(username, body);
  }

  private Map<String, Object> set(String username, Address body) {
    String before = addresses.get(username);
    String after = addresses.set(username, body == null ? null : body.email());
    audit.record("email", "users", null, "{\"username\":\"" + username + "\",\"email\":"
        + quoted(before) + "}", "{\"username\":\"" + username + "\",\"email\":" + quoted(after)
        + "}");
    return view(after);
  }

  private static String quoted(String s) {
    // Addresses are validated (no quote, backslash or control character), so quoting is safe.
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static Map<String, Object> view(String email) {
    Map<String, Object> m = new HashMap<>();
    m.put("email", email);
    return m;
  }

  private static String me() {
    return JointWorksUser.current().map(JointWorksUser::getUsername)
        .orElseThrow(() -> ApiException.of(HttpStatus.UNAUTHORIZED, "auth.required",
            "sign in to do this", Map.of()));
  }
}
