package org.jointworks.notifications.mail;

import java.util.HashMap;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's e-mail address and mail language: {@code GET|PUT /api/me/email} for oneself, {@code
 * GET|PUT /api/users/{username}/email} for ADMIN ({@link MailAddressService} holds the use case).
 */
@RestController
class MailAddressController {
  private final MailAddressService addresses;

  MailAddressController(MailAddressService addresses) {
    this.addresses = addresses;
  }

  /**
   * The body of a PUT: the address, or null to remove it; the language ({@code zh-CN},
   * {@code en}), or null to keep it.
   */
  record Address(String email, String lang) {}

  @GetMapping("/api/me/email")
  Map<String, Object> mine() {
    return view(addresses.get(me()));
  }

  @PutMapping("/api/me/email")
  Map<String, Object> setMine(@RequestBody Address body) {
    return view(addresses.set(me(), body == null ? null : body.email(),
        body == null ? null : body.lang()));
  }

  @GetMapping("/api/users/{username}/email")
  Map<String, Object> of(@PathVariable String username) {
    return view(addresses.get(username));
  }

  @PutMapping("/api/users/{username}/email")
  Map<String, Object> setOf(@PathVariable String username, @RequestBody Address body) {
    return view(addresses.set(username, body == null ? null : body.email(),
        body == null ? null : body.lang()));
  }

  private static Map<String, Object> view(MailAddresses.Settings s) {
    Map<String, Object> m = new HashMap<>();
    m.put("email", s.email());
    m.put("lang", s.lang());
    return m;
  }

  private static String me() {
    return JointWorksUser.current().map(JointWorksUser::getUsername)
        .orElseThrow(() -> ApiException.of(HttpStatus.UNAUTHORIZED, "auth.required",
            "sign in to do this", Map.of()));
  }
}
